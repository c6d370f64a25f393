-- pchat-failover's own tables, beside the engine's in the same database (H2 and PostgreSQL).
-- One ticket starts at most one failover, on any engine node: the primary key says so.
CREATE TABLE IF NOT EXISTS PCHAT_FAILOVER_TICKET (
  TICKET_ID_     VARCHAR(64)  NOT NULL PRIMARY KEY,
  POOL_FQDN_     VARCHAR(253) NOT NULL,
  PROC_INST_ID_  VARCHAR(64)  NOT NULL,
  CREATED_BY_    VARCHAR(255) NOT NULL,
  CREATED_AT_    TIMESTAMP    NOT NULL
);
-- One row per configured pool, locked FOR UPDATE while a failover of that pool is started: starts for one pool
-- are serialized across engine nodes, so a second ticket sees the first failover as running.
CREATE TABLE IF NOT EXISTS PCHAT_POOL_LOCK (
  POOL_FQDN_     VARCHAR(253) NOT NULL PRIMARY KEY
);
-- What a failover acts on is read from here, not from process variables: an operator completing a task can set
-- variables, and must not be able to point a running failover at another pool, share or callback URL.
ALTER TABLE PCHAT_FAILOVER_TICKET ADD COLUMN IF NOT EXISTS CALLBACK_URL_ VARCHAR(2000);
ALTER TABLE PCHAT_FAILOVER_TICKET ADD COLUMN IF NOT EXISTS BACKUP_SOURCE_DIR_ VARCHAR(1000);
ALTER TABLE PCHAT_FAILOVER_TICKET ADD COLUMN IF NOT EXISTS BACKUP_DEST_DIR_ VARCHAR(1000);
CREATE INDEX IF NOT EXISTS PCHAT_FAILOVER_PROC_INST ON PCHAT_FAILOVER_TICKET (PROC_INST_ID_);
CREATE INDEX IF NOT EXISTS PCHAT_FAILOVER_POOL ON PCHAT_FAILOVER_TICKET (POOL_FQDN_);
-- The last estate check of each pool (GET /api/pools, ConfirmFailover's plan), and the lease that lets one engine
-- node at a time run the scheduled check.
CREATE TABLE IF NOT EXISTS PCHAT_READINESS (
  POOL_FQDN_     VARCHAR(253)     NOT NULL PRIMARY KEY,
  CHECKED_AT_    TIMESTAMP,
  READY_         BOOLEAN,
  REPORT_        VARCHAR(1000000),
  LEASE_UNTIL_   TIMESTAMP,
  LEASE_NODE_    VARCHAR(255)
);
-- The engine nodes on this database (cluster/NodeLease): a node's id is its job executor's lock owner; a life is one
-- run of it, proved alive by BEAT_ going up. A new run takes the id over only once the old one's beat stood still.
CREATE TABLE IF NOT EXISTS PCHAT_NODE (
  NODE_ID_       VARCHAR(64)  NOT NULL PRIMARY KEY,
  LIFE_ID_       VARCHAR(64),
  BEAT_          BIGINT       NOT NULL,
  HOST_          VARCHAR(255),
  STARTED_AT_    TIMESTAMP
);
-- One row per service step attempt that has started and not finished (failover/StepAttempts): a step that finds one
-- of an earlier attempt that neither finished nor failed was interrupted (a killed node) and says so in the report.
CREATE TABLE IF NOT EXISTS PCHAT_STEP_ATTEMPT (
  PROC_INST_ID_  VARCHAR(64)  NOT NULL,
  ACTIVITY_ID_   VARCHAR(255) NOT NULL,
  NODE_ID_       VARCHAR(64)  NOT NULL,
  LIFE_ID_       VARCHAR(64)  NOT NULL,
  STARTED_AT_    TIMESTAMP    NOT NULL,
  FAILED_        BOOLEAN      NOT NULL,
  PRIMARY KEY (PROC_INST_ID_, ACTIVITY_ID_)
);
