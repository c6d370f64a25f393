package org.pchatfailover.cluster;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's job locks ({@code ACT_RU_JOB.LOCK_OWNER_}, {@code LOCK_EXP_TIME_}) by lock owner. Camunda's acquisition
 * takes a job whose owner is null or whose lock has expired, and writes its lock with {@code WHERE REV_ = ?}
 * (AcquireJobsCmd, Job.xml {@code updateAcquirableJob}); the executing node deletes or updates the job with the same
 * revision check. Releasing a dead owner's locks raises {@code REV_} (should that owner still commit, its optimistic
 * lock fails, so a step is never finished twice on the engine's side). Locks are never extended: see
 * {@link NodeLease}.
 */
@Component
class JobLocks {

	private final JdbcTemplate jdbc;

	JobLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Frees every lock of an owner that runs nothing any more: a dead node, or this node's previous life. */
	int release(String owner) {
		return jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 "
				+ "WHERE LOCK_OWNER_ = ?", owner);
	}

}
