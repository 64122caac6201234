-- Users an admin can manage: a login can be disabled, and every change to a login is kept with who made it and when.
ALTER TABLE app_user ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE app_user_history (
    id         BIGSERIAL   PRIMARY KEY,
    username   VARCHAR(64) NOT NULL REFERENCES app_user (username),
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by VARCHAR(64) NOT NULL,
    change     JSONB       NOT NULL
);
CREATE INDEX app_user_history_by_user ON app_user_history (username, id);

-- The logins that exist already: their creation, as app_user remembers it.
INSERT INTO app_user_history (username, changed_at, changed_by, change)
SELECT username, created_at, created_by,
       jsonb_build_object('type', 'CREATED', 'role', role, 'groups', to_jsonb(groups), 'provinces', to_jsonb(provinces))
FROM app_user ORDER BY created_at, username;
