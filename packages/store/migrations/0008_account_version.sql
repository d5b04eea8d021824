-- 0008: an account version (a security stamp). The hub adds one to it whenever an account is
-- disabled, its role changes or its password is reset. A session records the version it was
-- opened under and is live only while the account still has it, and a login decides on the
-- account as it is after the slow password hash: a login kept in flight across such a change
-- opens nothing. Existing rows start at 0 on both sides, so sessions open today stay open.
ALTER TABLE officers ADD COLUMN account_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN account_version INTEGER NOT NULL DEFAULT 0;
