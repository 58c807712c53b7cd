-- The job store's schema: one row per job, its latest progress figures, and its result (JSON of JobResult).
CREATE TABLE jobs (
    id            VARCHAR(64)    PRIMARY KEY,
    owner         VARCHAR(255)   NOT NULL,
    git_url       VARCHAR(4096)  NOT NULL,
    fetch_url     VARCHAR(4096)  NOT NULL,
    ref           VARCHAR(512),
    status        VARCHAR(16)    NOT NULL,
    phase         VARCHAR(16),
    cached        BOOLEAN        NOT NULL DEFAULT FALSE,
    error_code    VARCHAR(64),
    error_message VARCHAR(4096),
    progress      INT            NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    commit_id     VARCHAR(64),
    attempts      INT            NOT NULL DEFAULT 0
);
CREATE INDEX jobs_created_at ON jobs (created_at DESC);
CREATE INDEX jobs_status ON jobs (status);

CREATE TABLE job_progress (
    job_id       VARCHAR(64)   PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    scanned      INT           NOT NULL,
    total        INT           NOT NULL,
    found        INT           NOT NULL,
    current_file VARCHAR(4096),
    last_updated TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE job_results (
    job_id VARCHAR(64) PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    result TEXT        NOT NULL
);
