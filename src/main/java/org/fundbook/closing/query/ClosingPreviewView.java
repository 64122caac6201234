package org.fundbook.closing.query;

import java.time.LocalDate;
import java.util.List;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.query.Balances;

/** The closing in progress: every figure the confirmation will fix, and the group's balances now. */
public record ClosingPreviewView(int periodNumber, LocalDate periodStart, LocalDate closingDate, long distributable,
                                 List<PremiumShare> premiums, Balances balances) {
}
