package org.pchatfailover.failover;

import java.time.Instant;

import org.camunda.bpm.engine.runtime.Job;

/**
 * Why nothing moves while a step retries: which attempt comes next of how many ({@code pchat.retry.cycle}), what the
 * last one failed with, and when the next one starts. One computation for the API and the report.
 */
public record StepRetry(int nextAttempt, int attempts, String lastError, Instant nextAttemptAt) {

	/**
	 * The retry a failed job with retries left waits for; null for a job that has not failed or has none left (an
	 * incident). With a cycle {@code Rn/...} the engine runs n attempts: at the first failure it sets the job's
	 * retries to n and takes one off (DefaultJobRetryCmd), so after k failures n - k are left and the next attempt is
	 * k + 1.
	 */
	public static StepRetry of(Job job, RetryPolicy policy) {
		if (job.getExceptionMessage() == null || job.getRetries() <= 0) {
			return null;
		}
		int attempts = Math.max(policy.attempts(), job.getRetries() + 1);
		return new StepRetry(attempts - job.getRetries() + 1, attempts, job.getExceptionMessage(),
				job.getDuedate() == null ? null : job.getDuedate().toInstant());
	}

}
