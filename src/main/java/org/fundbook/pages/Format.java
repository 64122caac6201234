package org.fundbook.pages;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How figures read on every page, in either language: whole riel with thousands separators and {@code ៛}
 * ("1,250,000 ៛"), dates day/month/year ("05/03/2026"), rates as a percentage a month ("2% a month" is written
 * by the bundles around {@link #percent}). Latin digits, as receipts and bank slips print them. Templates call
 * it as {@code ${@format.riel(x)}}; the meeting sheet's script formats the same way ({@code money.js}).
 */
@Component("format")
public class Format {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String riel(long amount) {
        return number(amount) + " ៛";
    }

    public String number(long amount) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * A part of a whole as a percentage with one decimal, rounded half up, in whole-number arithmetic: 1 of 3 →
     * "33.3%"; "–" when the whole is nothing.
     */
    public String share(long part, long whole) {
        if (whole <= 0) {
            return "–";
        }
        long tenths = Math.addExact(Math.multiplyExact(part, 1000L), whole / 2) / whole;
        return tenths / 10 + "." + tenths % 10 + "%";
    }

    /** Basis points as a percentage: 200 → "2", 150 → "1.5", 125 → "1.25". */
    public String percent(long basisPoints) {
        return new java.math.BigDecimal(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString();
    }
}
