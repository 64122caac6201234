package org.fundbook.meetings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundbook.grants.query.GrantQueries;
import org.fundbook.grants.query.GrantQueries.GrantView;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.Policy;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;
import org.fundbook.group.query.Balances;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberView;
import org.fundbook.lending.query.LoanQueries;
import org.fundbook.lending.query.LoanView;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a phone needs to keep a meeting with no signal (api.md, "Roster"): the group, its members with their
 * savings and outstanding loans (interest due and days overdue as of today), the grants, the balances. Read in one
 * snapshot; its {@code ETag} is the group's last event and today's date, so a phone that has it asks again cheaply.
 */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/roster")
class RosterController {

    record Group(UUID groupId, String name, Scheme scheme, Policy policy, GroupView.Period period,
                 boolean closingInProgress, boolean lendingSuspended) {
    }

    record Loan(UUID loanId, long principal, long outstandingPrincipal, long interestDue, LocalDate maturesOn,
                long daysOverdue) {
    }

    record Member(UUID memberId, String name, Sex sex, Membership membership, OfficerRole officerRole, long savings,
                  List<Loan> loans) {
    }

    record Roster(Group group, List<Member> members, List<GrantView> grants, Balances balances, long lastSequence) {
    }

    private final LedgerQueries ledger;
    private final LoanQueries loans;
    private final GrantQueries grants;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    RosterController(LedgerQueries ledger, LoanQueries loans, GrantQueries grants, JdbcTemplate jdbc,
                     PlatformTransactionManager transactions, Clock clock) {
        this.ledger = ledger;
        this.loans = loans;
        this.grants = grants;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<Roster> roster(@PathVariable UUID groupId,
                                  @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        LocalDate today = LocalDate.now(clock);
        Roster roster = snapshot.execute(status -> read(groupId, today));
        String etag = "\"" + roster.lastSequence() + "-" + today + "\"";
        if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(roster);
    }

    private Roster read(UUID groupId, LocalDate today) {
        GroupView group = ledger.group(groupId, today);
        long lastSequence = jdbc.queryForObject("SELECT last_sequence FROM group_view WHERE group_id = ?",
                Long.class, groupId);
        Map<UUID, List<Loan>> loansOf = new HashMap<>();
        for (LoanView loan : loans.loans(groupId, "OUTSTANDING", today)) {
            loansOf.computeIfAbsent(loan.borrowerId(), id -> new ArrayList<>()).add(new Loan(loan.loanId(),
                    loan.principal(), loan.outstandingPrincipal(), loan.interestDue(), loan.maturesOn(),
                    loan.daysOverdue()));
        }
        List<Member> members = new ArrayList<>();
        for (MemberView m : ledger.members(groupId)) {
            members.add(new Member(m.memberId(), m.name(), m.sex(), m.membership(), m.officerRole(), m.savings(),
                    loansOf.getOrDefault(m.memberId(), List.of())));
        }
        return new Roster(new Group(group.groupId(), group.name(), group.scheme(), group.policy(), group.period(),
                group.closingInProgress(), group.lendingSuspended()), members, grants.grants(groupId),
                group.balances(), lastSequence);
    }
}
