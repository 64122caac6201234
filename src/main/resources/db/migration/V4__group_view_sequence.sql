-- The sequence number of the last event of the group that the projection has applied, so that checks can
-- compare the read model with other derivations of the same stream at the same point.
ALTER TABLE group_view ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT 0;
