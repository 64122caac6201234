package org.fundbook.platform;

import java.util.UUID;

/** A write to a group that has no stream: it was never registered. Nothing was recorded. */
public class StreamNotFound extends RuntimeException {

    private final UUID groupId;

    public StreamNotFound(UUID groupId) {
        super("no group " + groupId, null, false, false);
        this.groupId = groupId;
    }

    public UUID groupId() {
        return groupId;
    }
}
