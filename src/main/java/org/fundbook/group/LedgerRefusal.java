package org.fundbook.group;

/** A command the ledger will not record. Thrown before any event is applied, so nothing changes. */
public class LedgerRefusal extends RuntimeException {

    private final RefusalCode code;

    public LedgerRefusal(RefusalCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }
}
