package org.fundbook.demo;

import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.PayoutMode;
import org.fundbook.group.Policy;
import org.fundbook.group.Scheme;

/**
 * The request bodies of the HTTP contract that no {@link org.fundbook.group.web.Write} describes (a group's
 * registration, a closing's start and confirmation), field for field as a client sends them. The demo fingerprints
 * each write from its body (with its path), as the API does, so a client that later sends one of the demo's requests
 * again with the same transaction id gets the demo's answer replayed rather than a second record.
 */
final class DemoRequests {

    private DemoRequests() {
    }

    record LocationInput(String province, String district, String commune, String village) {
    }

    record RegisterGroup(UUID groupId, String name, Scheme scheme, LocationInput location, LocalDate registeredOn,
                         Policy policy) {
    }

    record StartClosing(UUID transactionId, LocalDate closingDate) {
    }

    record ConfirmClosing(UUID transactionId, Long countedCash, PayoutMode payoutMode) {
    }
}
