package org.fundbook.audit.check;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component {@code ledger}: DOWN, naming the groups, while any group's journal disagrees with its state. */
@Component
class LedgerHealthIndicator implements HealthIndicator {

    private final LedgerCheck check;

    LedgerHealthIndicator(LedgerCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        LedgerCheck.Result result = check.run();
        Health.Builder health = result.mismatches().isEmpty() ? Health.up() : Health.down()
                .withDetail("mismatchedGroups", result.mismatches().size())
                .withDetail("groups", result.mismatches());
        return health.withDetail("checkedGroups", result.checked())
                .withDetail("pendingGroups", result.pending())
                .withDetail("checkedAt", result.checkedAt().toString())
                .build();
    }
}
