package org.fundbook.group.query;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GroupEvent.MemberRegistered;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.Sex;

public record MemberView(UUID memberId, String name, Sex sex, Membership membership, LocalDate joinedOn,
                         boolean poorestFamily, OfficerRole officerRole, String subgroup, int registrationNumber,
                         long savings, long loanPrincipalOutstanding, long premiumsReceived) {

    /** The member as registered: nothing saved, borrowed or received yet. */
    public static MemberView registered(MemberRegistered e) {
        return new MemberView(e.memberId(), e.name(), e.sex(), e.membership(), e.joinedOn(), e.poorestFamily(),
                e.officerRole(), e.subgroup(), e.registrationNumber(), 0, 0, 0);
    }
}
