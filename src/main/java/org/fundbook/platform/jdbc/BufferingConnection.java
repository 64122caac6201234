package org.fundbook.platform.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;

/**
 * A connection that holds back the writes handed to it with {@link #buffer} until the transaction next talks to
 * the database: before any other statement is prepared, before a savepoint, before the commit, the held writes
 * go to PostgreSQL as one multi-statement request, so a write of ten statements costs one round trip instead of
 * ten. The statements and their order are exactly those buffered; nothing is held past the commit, and a
 * rollback or a closed connection drops them with the rest of the transaction. A statement that changes a
 * different number of rows than expected fails the flush, and with it the transaction.
 */
final class BufferingConnection implements InvocationHandler {

    /** Flushed before the buffer grows past this many statements, so a long transaction stays bounded. */
    static final int MAX_BUFFERED = 500;
    /**
     * At most this many statements and parameters go in one request (the protocol's limit is 65,535 parameters;
     * the driver looks each parameter up among the request's statements, so very long requests cost more than
     * the round trips they save).
     */
    static final int STATEMENTS_PER_REQUEST = 100;
    static final int MAX_PARAMETERS = 30_000;

    record Pending(String sql, Object[] args, IntPredicate expected, Supplier<String> otherwise) {
    }

    /** The expectation of a write whose row count does not matter. */
    static final IntPredicate ANY_COUNT = count -> true;
    private static final Pending COMMIT = new Pending("COMMIT", new Object[0], ANY_COUNT, () -> "");

    private final Connection target;
    private final List<Pending> pending = new ArrayList<>();
    /** Row changes not yet sent, one per row, folded; sent after the statements held back. */
    private final Map<RowChange.Key, RowChange> rows = new LinkedHashMap<>();
    /**
     * Why a flush of this transaction failed, if one did. Whoever called may have caught the exception (Axon's
     * snapshotter logs and goes on); the transaction must still never commit, nor run another statement.
     */
    private String failure;

    private BufferingConnection(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(BufferingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BufferingConnection(target));
    }

    /** The buffering behind a connection this class wrapped, or null for any other connection. */
    static BufferingConnection of(Connection connection) {
        if (Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof BufferingConnection buffering) {
            return buffering;
        }
        return null;
    }

    /** Holds the write back inside a transaction; runs it at once on a connection in auto-commit mode. */
    void buffer(Pending write) throws SQLException {
        pending.add(write);
        if (target.getAutoCommit()) {
            flush();
        } else if (pending.size() >= MAX_BUFFERED) {
            // row changes stay folded: no statement held back here touches a row that has one
            execute(null, null, null, false);
        }
    }

    /** Holds the row change back, folded into the row's earlier change in this transaction where possible. */
    void change(RowChange change) throws SQLException {
        if (target.getAutoCommit()) {
            pending.add(change.toStatement());
            flush();
            return;
        }
        RowChange.Key key = change.key();
        RowChange earlier = rows.get(key);
        if (earlier == null) {
            rows.put(key, change);
        } else if (!earlier.absorb(change)) {
            pending.add(rows.remove(key).toStatement());
            rows.put(key, change);
        }
    }

    /** Runs what is held back, then the query, in one round trip. */
    <T> List<T> query(String sql, Object[] args, RowMapper<T> mapper) throws SQLException {
        List<T> found = new ArrayList<>();
        execute(sql, args, rs -> {
            int i = 0;
            while (rs.next()) {
                found.add(mapper.mapRow(rs, i++));
            }
        });
        return found;
    }

    void flush() throws SQLException {
        if (!pending.isEmpty() || !rows.isEmpty()) {
            execute(null, null, null);
        }
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void execute(String query, Object[] queryArgs, Rows result) throws SQLException {
        execute(query, queryArgs, result, true);
    }

    private void execute(String query, Object[] queryArgs, Rows result, boolean withRows) throws SQLException {
        refuseAfterFailure();
        try {
            send(query, queryArgs, result, withRows);
        } catch (SQLException | RuntimeException | Error e) {
            failure = e.toString();
            throw e;
        }
    }

    private void refuseAfterFailure() throws SQLException {
        if (failure != null) {
            throw new SQLException("this transaction can only roll back: held-back writes failed (" + failure + ")");
        }
    }

    private void send(String query, Object[] queryArgs, Rows result, boolean withRows) throws SQLException {
        if (withRows) {
            rows.values().forEach(change -> pending.add(change.toStatement()));
            rows.clear();
        }
        List<Pending> writes = List.copyOf(pending);
        pending.clear();
        if (writes.isEmpty() && query == null) {
            return;
        }
        // one request per chunk: PostgreSQL's protocol counts parameters in 16 bits, per request
        int from = 0;
        do {
            int to = from;
            int parameters = query != null ? queryArgs.length : 0;
            while (to < writes.size() && to - from < STATEMENTS_PER_REQUEST
                    && parameters + writes.get(to).args().length <= MAX_PARAMETERS) {
                parameters += writes.get(to).args().length;
                to++;
            }
            if (to == from && !writes.isEmpty()) {
                to++; // a statement that alone has too many parameters: PostgreSQL will say so
            }
            boolean last = to == writes.size();
            sendChunk(writes.subList(from, to), last ? query : null, last ? queryArgs : null, result);
            from = to;
        } while (from < writes.size());
    }

    private void sendChunk(List<Pending> writes, String query, Object[] queryArgs, Rows result) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (Pending write : writes) {
            sql.append(write.sql()).append(";\n");
        }
        if (query != null) {
            sql.append(query);
        }
        try (PreparedStatement statement = target.prepareStatement(sql.toString())) {
            int index = 1;
            for (Pending write : writes) {
                index = bind(statement, index, write.args());
            }
            if (query != null) {
                bind(statement, index, queryArgs);
            }
            boolean rowsNext = statement.execute();
            for (Pending write : writes) {
                int count = statement.getUpdateCount();
                if (rowsNext || count < 0) {
                    throw new IllegalStateException("a buffered write returned rows: " + write.sql());
                }
                if (!write.expected().test(count)) {
                    throw new IllegalStateException(write.otherwise().get());
                }
                rowsNext = statement.getMoreResults();
            }
            if (query != null) {
                if (!rowsNext) {
                    throw new IllegalStateException("the query returned no result set: " + query);
                }
                try (ResultSet rs = statement.getResultSet()) {
                    result.read(rs);
                }
            }
        }
    }

    private static int bind(PreparedStatement statement, int index, Object[] args) throws SQLException {
        for (Object arg : args) {
            if (arg == null) {
                statement.setNull(index, Types.NULL);
            } else if (arg instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else {
                statement.setObject(index, arg);
            }
            index++;
        }
        return index;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "prepareStatement", "prepareCall", "createStatement", "setSavepoint" -> {
                refuseAfterFailure();
                flush();
            }
            case "setAutoCommit" -> flush();
            case "commit" -> {
                if (failure != null) {
                    target.rollback();
                    refuseAfterFailure();
                }
                if (rows.isEmpty() && !pending.isEmpty()
                        && pending.stream().allMatch(write -> write.expected() == ANY_COUNT)) {
                    // The held-back writes and the COMMIT in one request. Should any write fail, PostgreSQL skips
                    // the rest of the request, COMMIT included, and the error ends here. After it the driver
                    // knows no transaction is open, and its own commit below sends nothing. Only for writes whose
                    // row counts need no checking: a count can be checked only after the request has run.
                    pending.add(COMMIT);
                }
                flush();
            }
            case "rollback", "close", "abort" -> {
                pending.clear();
                rows.clear();
                failure = null;
            }
            case "unwrap" -> {
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
            }
            case "isWrapperFor" -> {
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return true;
                }
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "buffering " + target;
            }
            default -> {
                // everything else is the connection's own business
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
