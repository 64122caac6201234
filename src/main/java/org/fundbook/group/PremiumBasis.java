package org.fundbook.group;

/** How premiums are weighted among members at a book closing. */
public enum PremiumBasis {
    AVERAGE_BALANCE, BALANCE_AT_CLOSE
}
