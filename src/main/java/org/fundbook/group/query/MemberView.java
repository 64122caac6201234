package org.fundbook.group.query;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.Sex;

public record MemberView(UUID memberId, String name, Sex sex, Membership membership, LocalDate joinedOn,
                         boolean poorestFamily, OfficerRole officerRole, String subgroup, int registrationNumber,
                         long savings, long loanPrincipalOutstanding, long premiumsReceived) {
}
