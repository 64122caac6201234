package org.fundbook.group.query;

import java.util.UUID;
import org.fundbook.platform.jdbc.BufferedWrites;
import org.fundbook.platform.jdbc.RowChange;

/**
 * The read-model rows projections change in place, each named one way only: changes of the same row within a
 * transaction are folded by table and key (see {@link RowChange}), so every projection takes them from here.
 */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    public static RowChange group(BufferedWrites writes, UUID groupId) {
        return writes.change("group_view", "group_id", groupId);
    }

    public static RowChange member(BufferedWrites writes, UUID groupId, UUID memberId) {
        return writes.change("member_view", "group_id", groupId, "member_id", memberId);
    }
}
