package org.fundbook.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period: a month {@code 2024-03} or a quarter {@code 2024-Q1}, as inclusive value dates. */
public record Period(String label, LocalDate from, LocalDate to) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return Optional.of(new Period(text, ym.atDay(1), ym.atEndOfMonth()));
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            int year = Integer.parseInt(quarter.group(1));
            int firstMonth = (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1;
            return Optional.of(new Period(text, YearMonth.of(year, firstMonth).atDay(1),
                    YearMonth.of(year, firstMonth + 2).atEndOfMonth()));
        }
        return Optional.empty();
    }
}
