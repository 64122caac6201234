package org.fundbook.pages.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fundbook.pages.Words;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the report pages share: periods, the chart's data block, words by key. */
@Component
class ReportPages {

    private final Words words;
    private final MessageSource messages;

    ReportPages(Words words, MessageSource messages) {
        this.words = words;
        this.messages = messages;
    }

    /** The last whole quarter before today's: what the provincial office reviews. */
    static String lastQuarter(LocalDate today) {
        YearMonth start = YearMonth.from(today).minusMonths((today.getMonthValue() - 1) % 3).minusMonths(3);
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    /** The period before or after a month ({@code 2009-07}) or a quarter ({@code 2009-Q3}). */
    static String shift(String period, int by) {
        if (period.contains("Q")) {
            int year = Integer.parseInt(period.substring(0, 4));
            int index = year * 4 + Integer.parseInt(period.substring(6)) - 1 + by;
            return (index / 4) + "-Q" + (index % 4 + 1);
        }
        return YearMonth.parse(period).plusMonths(by).toString();
    }

    /** Suggestions for the period box: the quarters and months of the two years up to {@code period}'s. */
    static List<String> suggestions(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        List<String> out = new ArrayList<>();
        for (int y = year; y >= year - 1; y--) {
            for (int q = 4; q >= 1; q--) {
                out.add(y + "-Q" + q);
            }
            for (int m = 12; m >= 1; m--) {
                out.add(String.format(Locale.ROOT, "%d-%02d", y, m));
            }
        }
        return out;
    }

    String word(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Data for a chart as a JSON block that is safe inside {@code <script type="application/json">}. */
    String chart(Map<String, Object> data) {
        return words.data(data);
    }
}
