package org.fundbook.group.query;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.Location;
import org.fundbook.group.Policy;
import org.fundbook.group.Scheme;

/** A group as the API shows it; {@code policy} is the version in force today. */
public record GroupView(UUID groupId, String name, Scheme scheme, Location location, LocalDate registeredOn,
                        Policy policy, Period period, boolean closingInProgress, boolean lendingSuspended,
                        int memberCount, Balances balances) {

    public record Period(int number, LocalDate start) {
    }
}
