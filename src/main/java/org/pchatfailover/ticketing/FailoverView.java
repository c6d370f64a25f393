package org.pchatfailover.ticketing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pchatfailover.failover.FailoverState;

/**
 * A failover as the ticketing system sees it ({@code GET /api/failovers/{id}}).
 *
 * @param id the process instance id
 * @param state {@code RUNNING}, {@code WAITING_FOR_OPERATOR}, {@code INCIDENT}, {@code COMPLETED} or
 * {@code ABORTED}
 * @param currentSteps the steps active now
 * @param pastSteps finished steps, oldest first
 * @param incidents open incidents: a step that failed all its retries and waits for an operator to retry it
 * @param links self, report, tasklist, cockpit
 */
public record FailoverView(String id, String ticketId, String poolFqdn, FailoverState state, Instant startedAt,
		@Schema(types = { "string", "null" }, format = "date-time", description = "null while it runs") Instant endedAt,
		List<CurrentStep> currentSteps, List<PastStep> pastSteps, List<OpenIncident> incidents,
		Map<String, String> links) {

	/**
	 * @param taskId the user task waiting for an operator, null for a service step
	 * @param retry a service step that failed and waits for its next attempt; null otherwise
	 */
	public record CurrentStep(String step, @Schema(types = { "string", "null" }) String name, Instant startedAt,
			@Schema(types = { "string", "null" },
					description = "the user task waiting for an operator; null for a service step") String taskId,
			@Schema(nullable = true, description = "a service step that failed and waits for its next attempt; "
					+ "null when it has not failed (or is an incident, listed in incidents)") Retry retry) {

		public CurrentStep(String step, String name, Instant startedAt, String taskId) {
			this(step, name, startedAt, taskId, null);
		}

	}

	/**
	 * Why nothing moves while a step retries: which attempt comes next of how many ({@code pchat.retry.cycle}), what
	 * the last one failed with, and when the next one starts.
	 */
	public record Retry(int nextAttempt, int attempts, String lastError, Instant nextAttemptAt) {
	}

	/** @param outcome {@code completed} or {@code canceled} (left through an error boundary or an abort) */
	public record PastStep(String step, @Schema(types = { "string", "null" }) String name, Instant startedAt,
			Instant endedAt, long durationMillis, String outcome) {
	}

	public record OpenIncident(@Schema(types = { "string", "null" }) String step,
			@Schema(types = { "string", "null" }) String message, Instant at) {
	}

}
