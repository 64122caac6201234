package org.fundbook.group;

/** How premiums leave the PREMIUM pool at a closing: paid out of the box, or added to each member's savings. */
public enum PayoutMode {
    CASH,
    REINVEST
}
