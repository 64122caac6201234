package org.fundbook.group;

/**
 * How monthly interest is charged (domain spec, section 4). FSF charges on the
 * original principal; CEDAC groups charge on what is still owed.
 */
public enum InterestMethod {
    /** Every month costs interest on the original principal. */
    FLAT,
    /** Every month costs interest on the principal outstanding after earlier months' repayments. */
    DECLINING
}
