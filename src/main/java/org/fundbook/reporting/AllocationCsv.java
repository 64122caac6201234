package org.fundbook.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Pool;

/**
 * The allocation report's rows as CSV (RFC 4180, UTF-8) for the provincial office's spreadsheets: one header line,
 * one line per village, one column per figure, map entries flattened as {@code allocation.FUND_CAPITAL}. Totals
 * and subtotals are not rows: a spreadsheet sums the columns itself, and mixed rows would break its filters.
 */
final class AllocationCsv {

    private AllocationCsv() {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("province", "district", "commune", "village", "groupId", "name",
                "interestCollected"));
        for (Pool pool : Pool.values()) {
            header.add("allocation." + pool.name());
        }
        for (GrantReason reason : GrantReason.values()) {
            header.add("emergencyGrants." + reason.name());
        }
        header.add("grantRecoveries");
        for (Pool pool : Pool.values()) {
            header.add("payouts." + pool.name());
        }
        return header;
    }

    static String write(AllocationReport.Report report) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header().toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (AllocationReport.Row row : report.rows()) {
                List<Object> values = new ArrayList<>(List.of(row.province(), row.district(), row.commune(),
                        row.village(), row.groupId(), row.name(), row.interestCollected()));
                for (Pool pool : Pool.values()) {
                    values.add(row.allocation().get(pool));
                }
                for (GrantReason reason : GrantReason.values()) {
                    values.add(row.emergencyGrants().get(reason));
                }
                values.add(row.grantRecoveries());
                for (Pool pool : Pool.values()) {
                    values.add(row.payouts().get(pool));
                }
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV to a string", e);
        }
        return out.toString();
    }
}
