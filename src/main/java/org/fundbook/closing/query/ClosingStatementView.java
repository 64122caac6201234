package org.fundbook.closing.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.PremiumBasis;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.query.Balances;

/** A closed period's statement as the API serves it, fixed when the books were closed. */
public record ClosingStatementView(int periodNumber, LocalDate periodStart, LocalDate closingDate,
                                   PayoutMode payoutMode, PremiumBasis premiumBasis, long distributable,
                                   Balances opening, Map<String, Long> movements, Balances closing,
                                   List<PremiumShare> premiums, long expectedCash, long countedCash,
                                   long discrepancy) {
}
