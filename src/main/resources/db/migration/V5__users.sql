-- Logins. Passwords are kept only as adaptive hashes ({bcrypt}...), never in clear.
CREATE TABLE app_user (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    groups          UUID[]       NOT NULL DEFAULT '{}',
    provinces       TEXT[]       NOT NULL DEFAULT '{}',
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(64)  NOT NULL
);
