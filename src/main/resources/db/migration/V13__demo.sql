-- The first-run demo (docs/demo.md): one row per demo seeded into this database, so that it is never seeded
-- twice. RUNNING while the writes are being recorded (an interrupted run completes on the next start: every
-- write carries a transaction id derived from the seed and is recorded once), DONE when all are in.
-- The demo's ledger data itself is recorded only through the ledger's commands, never into tables directly.
CREATE TABLE demo_run (
    demo_key        VARCHAR(64) NOT NULL PRIMARY KEY,
    seed            BIGINT      NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    writes_recorded INTEGER     NOT NULL DEFAULT 0,
    writes_replayed INTEGER     NOT NULL DEFAULT 0
);
