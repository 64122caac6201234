package org.fundbook.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The last sequence number the event store appended to each stream in the current transaction, as
 * {@link BufferedEventStorageEngine} handed the rows over. The write path takes a stream's new position from
 * here, so it need not know how many events a command records. Forgotten when the transaction ends.
 */
final class AppendedEvents {

    private static final Object KEY = new Object();

    private AppendedEvents() {
    }

    static void note(String aggregateIdentifier, long sequenceNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction of ours to report to
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> last = (Map<String, Long>) TransactionSynchronizationManager.getResource(KEY);
        if (last == null) {
            last = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, last);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        last.merge(aggregateIdentifier, sequenceNumber, Math::max);
    }

    /** The last sequence appended to the stream in this transaction; empty when nothing was. */
    static OptionalLong lastSequence(String aggregateIdentifier) {
        @SuppressWarnings("unchecked")
        Map<String, Long> last = (Map<String, Long>) TransactionSynchronizationManager.getResource(KEY);
        Long sequence = last == null ? null : last.get(aggregateIdentifier);
        return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
    }
}
