package org.fundbook.group;

/** A client-chosen id (transaction, member, loan or grant) that this group has already used for something else. */
public class TransactionIdReused extends RuntimeException {

    public TransactionIdReused(String message) {
        super(message, null, false, false);
    }
}
