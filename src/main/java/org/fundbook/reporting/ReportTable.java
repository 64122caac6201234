package org.fundbook.reporting;

import java.util.List;

/**
 * A report's rows as a spreadsheet sees them: named columns of a kind (how a cell is written) and one list of
 * values per row. CSV and XLSX are written from it ({@link Spreadsheets}), so both always have the same columns.
 *
 * @param name the sheet's name in a workbook
 */
record ReportTable(String name, List<Column> columns, List<List<Object>> rows) {

    enum Kind {
        /** Names and ids, as text. */
        TEXT,
        /** A date, {@code YYYY-MM-DD}. */
        DATE,
        /** Whole riel (and riel-days): a number with thousands separators. */
        MONEY,
        /** People, loans, meetings: a whole number. */
        COUNT,
        /** A fraction (0.25): a number shown as a percentage (25.00%). */
        RATIO
    }

    record Column(String name, Kind kind) {
    }

    static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    static Column date(String name) {
        return new Column(name, Kind.DATE);
    }

    static Column money(String name) {
        return new Column(name, Kind.MONEY);
    }

    static Column count(String name) {
        return new Column(name, Kind.COUNT);
    }

    static Column ratio(String name) {
        return new Column(name, Kind.RATIO);
    }

    List<String> header() {
        return columns.stream().map(Column::name).toList();
    }
}
