package org.pchatfailover.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's job locks ({@code ACT_RU_JOB.LOCK_OWNER_}, {@code LOCK_EXP_TIME_}) by lock owner. Camunda's acquisition
 * takes a job whose owner is null or whose lock has expired, and writes its lock with {@code WHERE REV_ = ?}
 * (AcquireJobsCmd, Job.xml {@code updateAcquirableJob}); the executing node deletes or updates the job with the same
 * revision check. Hence: extending a lock leaves {@code REV_} alone (the owner's own commit must still match), and
 * releasing a dead owner's locks raises it (should that owner still commit, its optimistic lock fails, so a step
 * is never finished twice on the engine's side).
 */
@Component
class JobLocks {

	private final JdbcTemplate jdbc;

	JobLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Moves the expiry of the owner's live locks {@code lockTime} ahead; an expired lock may be another's already. */
	int extend(String owner, Duration lockTime) {
		Instant now = Instant.now();
		return jdbc.update("UPDATE ACT_RU_JOB SET LOCK_EXP_TIME_ = ? WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ > ?",
				Timestamp.from(now.plus(lockTime)), owner, Timestamp.from(now));
	}

	/** Frees every lock of an owner that runs nothing any more: a dead node, or this node's previous life. */
	int release(String owner) {
		return jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 "
				+ "WHERE LOCK_OWNER_ = ?", owner);
	}

}
