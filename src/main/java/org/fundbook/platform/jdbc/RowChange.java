package org.fundbook.platform.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A change to one existing row of a read model: amounts added to columns, values set, and optionally a column
 * that must hold an expected value (the row is otherwise refused). Changes to the same row within a transaction
 * are folded into one before they are sent, so a row touched by a thousand events of a replay is written once,
 * not a thousand times (each update of a row in one PostgreSQL transaction leaves a version that every later
 * update of it has to step over). Build with {@link BufferedWrites#change}, finish with {@link #apply()}.
 */
public final class RowChange {

    record Key(String table, List<Object> values, boolean upsert) {
    }

    private final BufferedWrites writes;
    private final String table;
    private final String[] keyColumns;
    private final Object[] keyValues;
    private final LinkedHashMap<String, Long> added = new LinkedHashMap<>();
    private final LinkedHashMap<String, Object> set = new LinkedHashMap<>();
    private String expectedColumn;
    private Object expectedValue;
    private Supplier<String> otherwise;
    /** Amounts added to a row that is created (at zero) if it is not there yet; nothing is set or expected. */
    private final boolean upsert;

    RowChange(BufferedWrites writes, String table, String[] keyColumns, Object[] keyValues, boolean upsert) {
        this.writes = writes;
        this.table = table;
        this.keyColumns = keyColumns;
        this.keyValues = keyValues;
        this.upsert = upsert;
    }

    /** Adds {@code amount} to the column. */
    public RowChange add(String column, long amount) {
        Object assigned = set.get(column);
        if (assigned != null) {
            set.put(column, Math.addExact((Long) assigned, amount));
        } else {
            added.merge(column, amount, Math::addExact);
        }
        return this;
    }

    /** Sets the column to {@code value}. */
    public RowChange set(String column, Object value) {
        requireUpdate("set");
        added.remove(column);
        set.put(column, value);
        return this;
    }

    /** The row must hold {@code value} in the column before this change; otherwise the transaction fails. */
    public RowChange expect(String column, Object value, Supplier<String> otherwise) {
        requireUpdate("expect");
        this.expectedColumn = column;
        this.expectedValue = value;
        this.otherwise = otherwise;
        return this;
    }

    /** Hands the change to the transaction's writes. */
    public void apply() {
        writes.apply(this);
    }

    private void requireUpdate(String what) {
        if (upsert) {
            throw new IllegalStateException("an upsert of " + table + " only adds amounts; it cannot " + what);
        }
    }

    Key key() {
        return new Key(table, List.of(keyValues), upsert);
    }

    /**
     * Folds a later change of the same row into this one, if the result means the same. Returns false when it
     * cannot tell (a later expectation on a column this change does not set): then this change must be sent first.
     */
    boolean absorb(RowChange later) {
        if (later.expectedColumn != null) {
            if (set.containsKey(later.expectedColumn)) {
                if (!Objects.equals(set.get(later.expectedColumn), later.expectedValue)) {
                    throw new IllegalStateException(later.otherwise.get());
                }
            } else if (expectedColumn != null || added.containsKey(later.expectedColumn)) {
                return false;
            } else {
                expectedColumn = later.expectedColumn;
                expectedValue = later.expectedValue;
                otherwise = later.otherwise;
            }
        }
        later.added.forEach(this::add);
        later.set.forEach(this::set);
        return true;
    }

    /** The one UPDATE this change amounts to; it must find exactly one row. */
    BufferingConnection.Pending toStatement() {
        if (added.isEmpty() && set.isEmpty()) {
            throw new IllegalStateException("a change of " + table + " that changes nothing");
        }
        if (upsert) {
            return toUpsert();
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<Object> args = new ArrayList<>();
        String separator = "";
        for (Map.Entry<String, Long> column : added.entrySet()) {
            sql.append(separator).append(column.getKey()).append(" = ").append(column.getKey()).append(" + ?");
            args.add(column.getValue());
            separator = ", ";
        }
        for (Map.Entry<String, Object> column : set.entrySet()) {
            sql.append(separator).append(column.getKey()).append(" = ?");
            args.add(column.getValue());
            separator = ", ";
        }
        sql.append(" WHERE ");
        for (int i = 0; i < keyColumns.length; i++) {
            sql.append(i == 0 ? "" : " AND ").append(keyColumns[i]).append(" = ?");
            args.add(keyValues[i]);
        }
        if (expectedColumn != null) {
            sql.append(" AND ").append(expectedColumn).append(" = ?");
            args.add(expectedValue);
        }
        Supplier<String> failure = otherwise != null ? otherwise
                : () -> "no row in " + table + " for " + List.of(keyValues);
        return new BufferingConnection.Pending(sql.toString(), args.toArray(), count -> count == 1, failure);
    }

    /** {@code INSERT ... ON CONFLICT (key) DO UPDATE}: the amounts added to the row, which starts at them if new. */
    private BufferingConnection.Pending toUpsert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" AS t (");
        StringBuilder values = new StringBuilder();
        List<Object> args = new ArrayList<>();
        String separator = "";
        for (int i = 0; i < keyColumns.length; i++) {
            sql.append(separator).append(keyColumns[i]);
            values.append(separator).append('?');
            args.add(keyValues[i]);
            separator = ", ";
        }
        for (Map.Entry<String, Long> column : added.entrySet()) {
            sql.append(separator).append(column.getKey());
            values.append(separator).append('?');
            args.add(column.getValue());
        }
        sql.append(") VALUES (").append(values).append(") ON CONFLICT (").append(String.join(", ", keyColumns))
                .append(") DO UPDATE SET ");
        separator = "";
        for (String column : added.keySet()) {
            sql.append(separator).append(column).append(" = t.").append(column).append(" + EXCLUDED.").append(column);
            separator = ", ";
        }
        return new BufferingConnection.Pending(sql.toString(), args.toArray(), count -> count == 1,
                () -> "no row in " + table + " for " + List.of(keyValues));
    }
}
