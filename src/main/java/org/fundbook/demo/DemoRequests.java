package org.fundbook.demo;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.GrantReason;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Pool;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;

/**
 * The request bodies of the HTTP contract, field for field as a client sends them. The demo fingerprints each
 * write from these (with its path), as the API does, so a client that later sends one of the demo's requests again
 * with the same transaction id gets the demo's answer replayed rather than a second record.
 */
final class DemoRequests {

    private DemoRequests() {
    }

    record LocationInput(String province, String district, String commune, String village) {
    }

    record RegisterGroup(UUID groupId, String name, Scheme scheme, LocationInput location, LocalDate registeredOn,
                         Policy policy) {
    }

    record RegisterMember(UUID transactionId, UUID memberId, String name, Sex sex, Membership membership,
                          LocalDate joinedOn, Boolean poorestFamily, OfficerRole officerRole, String subgroup) {
    }

    record MemberMovement(UUID transactionId, UUID memberId, Long amount, LocalDate occurredOn) {
    }

    record Capital(UUID transactionId, String source, Long amount, LocalDate occurredOn) {
    }

    record Loan(UUID transactionId, UUID borrowerId, Long principal, Integer termMonths, String purpose,
                LocalDate occurredOn) {
    }

    record Payment(UUID transactionId, Long amount, LocalDate occurredOn) {
    }

    record Grant(UUID transactionId, UUID recipientId, String recipientName, Long amount, GrantReason reason,
                 Boolean recoverable, LocalDate occurredOn) {

        /** Mirrors the API's validation getter, so that both serialize alike. */
        boolean isRecipientNamed() {
            return recipientId != null || (recipientName != null && !recipientName.isBlank());
        }
    }

    record Payout(UUID transactionId, Pool pool, Long amount, String payee, LocalDate occurredOn) {

        /** Mirrors the API's validation getter, so that both serialize alike. */
        boolean isPayablePool() {
            return pool == null || pool == Pool.COMMITTEE_OPERATIONS || pool == Pool.PROVINCIAL_DISTRICT;
        }
    }

    record CashCount(UUID transactionId, Long countedCash, LocalDate occurredOn) {
    }

    record StartClosing(UUID transactionId, LocalDate closingDate) {
    }

    record ConfirmClosing(UUID transactionId, Long countedCash, PayoutMode payoutMode) {
    }
}
