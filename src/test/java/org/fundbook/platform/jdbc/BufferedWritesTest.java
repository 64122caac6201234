package org.fundbook.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fundbook.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes held back until the transaction's next round trip: never lost, never seen out of order, never kept alone. */
class BufferedWritesTest extends IntegrationTest {

    @Autowired
    BufferedWrites writes;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS buffered_test (id INT PRIMARY KEY, amount BIGINT NOT NULL, note TEXT)");
        jdbc.execute("TRUNCATE buffered_test");
    }

    private List<Long> amounts() {
        return jdbc.queryForList("SELECT amount FROM buffered_test ORDER BY id", Long.class);
    }

    @Test
    void outsideATransactionAWriteRunsAtOnce() {
        writes.update("INSERT INTO buffered_test (id, amount, note) VALUES (?, ?, ?)", 1, 100L, null);
        assertThat(amounts()).containsExactly(100L);
    }

    @Test
    void aReadInTheTransactionSeesEveryHeldBackWriteInOrder() {
        List<Long> seen = transactions.execute(status -> {
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 1, 100L);
            writes.update("UPDATE buffered_test SET amount = amount * ? WHERE id = ?", 3, 1);
            writes.update("UPDATE buffered_test SET amount = amount + ? WHERE id = ?", 5L, 1);
            List<Long> combined = writes.query("SELECT amount FROM buffered_test WHERE id = ?",
                    (rs, i) -> rs.getLong(1), 1);
            writes.update("UPDATE buffered_test SET amount = amount + ? WHERE id = ?", 1L, 1);
            // an ordinary read sends what is held back first
            combined.addAll(jdbc.queryForList("SELECT amount FROM buffered_test WHERE id = 1", Long.class));
            return combined;
        });
        assertThat(seen).containsExactly(305L, 306L);
        assertThat(amounts()).containsExactly(306L);
    }

    @Test
    void theCommitSendsWhatIsStillHeldBack() {
        transactions.executeWithoutResult(status -> {
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 1, 7L);
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 2, 8L);
        });
        assertThat(amounts()).containsExactly(7L, 8L);
    }

    @Test
    void aRollbackDropsHeldBackWritesWithTheRest() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 1)");
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 2, 2L);
            status.setRollbackOnly();
        });
        assertThat(amounts()).isEmpty();
        transactions.executeWithoutResult(status ->
                jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (3, 3)"));
        assertThat(amounts()).containsExactly(3L);
    }

    @Test
    void aWriteThatChangesNoRowWhenOneWasExpectedFailsTheWholeTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 1, 1L);
            writes.updateOne("UPDATE buffered_test SET amount = 2 WHERE id = ?", () -> "row 9 is missing", 9);
        })).isInstanceOf(IllegalStateException.class).hasMessage("row 9 is missing");
        assertThat(amounts()).isEmpty();
    }

    @Test
    void aConstraintViolationAtTheCommitIsTranslatedAndNothingIsKept() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 1)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writes.update("UPDATE buffered_test SET amount = 50 WHERE id = ?", 1);
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 1, 2L);
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(amounts()).containsExactly(1L);
    }

    @Test
    void aLongTransactionIsSentInBoundedBatches() {
        int rows = BufferingConnection.MAX_BUFFERED * 2 + 3;
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < rows; i++) {
                writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", i, (long) i);
            }
        });
        assertThat(amounts()).hasSize(rows);
    }

    @Test
    void changesOfOneRowAreFoldedAndReadBackAsIfEachHadRun() {
        jdbc.update("INSERT INTO buffered_test (id, amount, note) VALUES (1, 10, 'a')");
        List<Long> seen = transactions.execute(status -> {
            writes.change("buffered_test", "id", 1).add("amount", 5).apply();
            writes.change("buffered_test", "id", 1).set("note", "b").add("amount", -3).apply();
            writes.change("buffered_test", "id", 1).set("amount", 100L).apply();
            writes.change("buffered_test", "id", 1).add("amount", 1).apply();
            return writes.query("SELECT amount FROM buffered_test WHERE id = ?", (rs, i) -> rs.getLong(1), 1);
        });
        assertThat(seen).containsExactly(101L);
        assertThat(jdbc.queryForObject("SELECT note FROM buffered_test WHERE id = 1", String.class)).isEqualTo("b");
    }

    @Test
    void amountsAddedToARowThatMayNotExistCreateItOnceAndAreFoldedIntoOneStatement() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 10)");
        List<Long> seen = transactions.execute(status -> {
            writes.upsert("buffered_test", "id", 1).add("amount", 5).apply();
            writes.upsert("buffered_test", "id", 2).add("amount", 7).apply();
            writes.upsert("buffered_test", "id", 1).add("amount", -2).apply();
            writes.upsert("buffered_test", "id", 2).add("amount", 1).apply();
            return writes.query("SELECT amount FROM buffered_test ORDER BY id", (rs, i) -> rs.getLong(1));
        });
        assertThat(seen).containsExactly(13L, 8L);
        transactions.executeWithoutResult(status -> writes.upsert("buffered_test", "id", 2).add("amount", 2).apply());
        assertThat(amounts()).containsExactly(13L, 10L);
        assertThatThrownBy(() -> writes.upsert("buffered_test", "id", 3).set("note", "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpectationIsCheckedAgainstTheValueAnEarlierChangeSet() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 0)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writes.change("buffered_test", "id", 1).expect("amount", 0L, () -> "not first").set("amount", 1L).apply();
            writes.change("buffered_test", "id", 1).expect("amount", 1L, () -> "not second").set("amount", 2L)
                    .apply();
            writes.change("buffered_test", "id", 1).expect("amount", 1L, () -> "a gap").set("amount", 3L).apply();
        })).isInstanceOf(IllegalStateException.class).hasMessage("a gap");
        assertThat(amounts()).containsExactly(0L);
    }

    @Test
    void anExpectationOnTheStoredRowIsCheckedWhenTheChangeIsSent() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 5)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                writes.change("buffered_test", "id", 1).expect("amount", 4L, () -> "stale").add("amount", 1).apply()))
                .isInstanceOf(IllegalStateException.class).hasMessage("stale");
        transactions.executeWithoutResult(status ->
                writes.change("buffered_test", "id", 1).expect("amount", 5L, () -> "stale").add("amount", 1).apply());
        assertThat(amounts()).containsExactly(6L);
    }

    @Test
    void aChangeOfARowThatIsNotThereFailsTheTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 1, 1L);
            writes.change("buffered_test", "id", 2).add("amount", 1).apply();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("no row in buffered_test");
        assertThat(amounts()).isEmpty();
    }

    @Test
    void aChangeThatFindsNoRowFailsTheCommitNamingItEvenAmongMoreWritesThanOneRequestCarries() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 1)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            for (int i = 0; i < BufferingConnection.STATEMENTS_PER_REQUEST + 50; i++) {
                writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", i + 10, 0L);
            }
            writes.change("buffered_test", "id", 1).add("amount", 1).apply();
            writes.change("buffered_test", "id", 7).expect("amount", 0L, () -> "row 7 is not there").add("amount", 1)
                    .apply();
            writes.change("buffered_test", "id", 1).add("amount", 1).apply();
        })).isInstanceOf(IllegalStateException.class).hasMessage("row 7 is not there");
        assertThat(amounts()).containsExactly(1L);
        // the connection serves the next transaction normally
        transactions.executeWithoutResult(status -> writes.change("buffered_test", "id", 1).add("amount", 1).apply());
        assertThat(amounts()).containsExactly(2L);
    }

    @Test
    void aChangeSentBeforeAReadIsCheckedThereAndFailsTheTransaction() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 1)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writes.change("buffered_test", "id", 1).expect("amount", 2L, () -> "stale before the read")
                    .add("amount", 1).apply();
            writes.query("SELECT amount FROM buffered_test", (rs, i) -> rs.getLong(1));
        })).isInstanceOf(IllegalStateException.class).hasMessage("stale before the read");
        assertThat(amounts()).containsExactly(1L);
    }

    @Test
    void manyRowsAndStatementsInOneTransactionAreSentInRequestsThePostgreSqlProtocolAccepts() {
        int rows = 12_000; // 12,000 folded changes of 3 parameters each: more than one request can carry
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < rows; i++) {
                writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", i, 0L);
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < rows; i++) {
                    writes.change("buffered_test", "id", i).add("amount", i).apply();
                }
            }
        });
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM buffered_test", Long.class))
                .isEqualTo(3L * rows * (rows - 1) / 2);
    }

    @Test
    void whatTheCommitSendsIsDurableOnAnotherConnectionAtOnceAndTheConnectionIsReusable() {
        transactions.executeWithoutResult(status -> {
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 1, 1L);
            writes.change("buffered_test", "id", 1).add("amount", 1).apply();
        });
        // another connection of the pool sees the row: the commit was not left pending on the first one
        assertThat(amounts()).containsExactly(2L);
        for (int i = 0; i < 20; i++) {
            int id = i + 2;
            transactions.executeWithoutResult(status ->
                    writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", id, 1L));
        }
        assertThat(amounts()).hasSize(21);
    }

    @Test
    void aFailedFlushThatSomeoneCaughtStillKeepsTheTransactionFromCommitting() {
        jdbc.update("INSERT INTO buffered_test (id, amount) VALUES (1, 1)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 2, 2L);
            writes.change("buffered_test", "id", 9).add("amount", 1).apply();
            try {
                // the flush before this read fails; the caller logs it and goes on, as Axon's snapshotter does
                jdbc.queryForList("SELECT amount FROM buffered_test", Long.class);
            } catch (RuntimeException swallowed) {
                // ignored on purpose
            }
            writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 3, 3L);
        })).rootCause().hasMessageContaining("held-back writes failed");
        assertThat(amounts()).containsExactly(1L);
        // the connection serves the next transaction normally
        transactions.executeWithoutResult(status ->
                writes.update("INSERT INTO buffered_test (id, amount) VALUES (?, ?)", 4, 4L));
        assertThat(amounts()).containsExactly(1L, 4L);
    }
}
