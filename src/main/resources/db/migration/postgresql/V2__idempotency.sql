-- Idempotent submissions: one job per (owner, key).
ALTER TABLE jobs ADD COLUMN idempotency_key VARCHAR(255);
CREATE UNIQUE INDEX jobs_owner_idempotency_key ON jobs (owner, idempotency_key);
