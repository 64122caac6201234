package org.fundbook.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes that may wait for the transaction's next round trip to PostgreSQL (see {@link BufferingConnection}).
 * Projections and the idempotency record use it: their statements travel with the next read or with the commit.
 * Outside a transaction a write runs at once. Errors surface as Spring's data-access exceptions, at the flush.
 */
@Component
public class BufferedWrites {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public BufferedWrites(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A write whose row count does not matter. */
    public void update(String sql, Object... args) {
        buffer(new BufferingConnection.Pending(sql, args, BufferingConnection.ANY_COUNT, () -> ""), sql);
    }

    /** A write that must change exactly one row; otherwise the transaction fails with the given reason. */
    public void updateOne(String sql, Supplier<String> otherwise, Object... args) {
        buffer(new BufferingConnection.Pending(sql, args, count -> count == 1, otherwise), sql);
    }

    /**
     * A change to one existing row, keyed by the given columns ({@code "group_id", id, ...}): build it, then
     * {@link RowChange#apply()}. Every change of a row held back by a transaction must come through here.
     */
    public RowChange change(String table, Object... keyColumnsAndValues) {
        return rowChange(table, false, keyColumnsAndValues);
    }

    /**
     * Amounts added to one row, created with them if it is not there yet ({@code INSERT ... ON CONFLICT DO
     * UPDATE}), keyed like {@link #change}; the key columns must be the table's primary key or a unique index.
     * Folded per row within the transaction like every {@link RowChange}: one statement per row, however many
     * events add to it. Only {@link RowChange#add} may be used on it.
     */
    public RowChange upsert(String table, Object... keyColumnsAndValues) {
        return rowChange(table, true, keyColumnsAndValues);
    }

    private RowChange rowChange(String table, boolean upsert, Object... keyColumnsAndValues) {
        String[] columns = new String[keyColumnsAndValues.length / 2];
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = (String) keyColumnsAndValues[2 * i];
            values[i] = keyColumnsAndValues[2 * i + 1];
        }
        return new RowChange(this, table, columns, values, upsert);
    }

    void apply(RowChange change) {
        onConnection("row change", buffering -> {
            buffering.change(change);
            return null;
        }, () -> runNow(change.toStatement()));
    }

    /** A read that sees every write before it, sent together with the writes still held back. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return onConnection(sql, buffering -> buffering.query(sql, args, mapper), () -> jdbc.query(sql, mapper, args));
    }

    private void buffer(BufferingConnection.Pending write, String sql) {
        onConnection(sql, buffering -> {
            buffering.buffer(write);
            return null;
        }, () -> runNow(write));
    }

    private interface Buffered<T> {
        T on(BufferingConnection buffering) throws SQLException;
    }

    /** On the transaction's buffering connection; on any other connection (there is none today) at once. */
    private <T> T onConnection(String task, Buffered<T> buffered, Supplier<T> otherwise) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            BufferingConnection buffering = BufferingConnection.of(connection);
            return buffering == null ? otherwise.get() : buffered.on(buffering);
        } catch (SQLException e) {
            throw translate(task, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Void runNow(BufferingConnection.Pending write) {
        if (!write.expected().test(jdbc.update(write.sql(), write.args()))) {
            throw new IllegalStateException(write.otherwise().get());
        }
        return null;
    }

    private RuntimeException translate(String sql, SQLException e) {
        RuntimeException translated = jdbc.getExceptionTranslator().translate("buffered writes", sql, e);
        return translated != null ? translated : new IllegalStateException(e);
    }
}
