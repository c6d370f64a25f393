package org.pchatfailover.report;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.FailoverState;

/**
 * What a failover did, built from engine history for the ticket and the post-mortem: who asked and why, each
 * step with its duration and outcome, every statement and cmdlet with its result, every operator decision and
 * the data lost. Free of secrets: {@link SecretScrubber} has been over every text taken from history.
 *
 * @param id the process instance id
 * @param state {@code RUNNING}, {@code WAITING_FOR_OPERATOR}, {@code INCIDENT}, {@code COMPLETED} or
 * {@code ABORTED} (DESIGN.md, REST contract)
 * @param durationMillis from start to end, or to {@code generatedAt} while running
 * @param timeline steps and failures in the order they happened
 * @param dataLoss null until the plan was made
 * @param retrying the steps whose last attempt failed and that wait for their next one (no incident yet)
 */
public record FailoverReport(String id, String ticketId, String poolFqdn, String requestedBy, String startedBy,
		String reason, FailoverState state, Instant startedAt,
		@Schema(types = { "string", "null" }, format = "date-time", description = "null while it runs") Instant endedAt,
		long durationMillis, List<Step> timeline, List<Decision> decisions,
		@Schema(description = "null until CheckPreconditions made the plan") DataLoss dataLoss,
		List<Incident> openIncidents, List<Retrying> retrying, Instant generatedAt) {

	/** How a timeline entry ended. */
	public enum Outcome {

		COMPLETED, RUNNING, WAITING,
		/** Ended by a BPMN error its boundary event caught: a business outcome such as a broken log chain. */
		INTERRUPTED,
		/** An attempt failed with an incident; the message says why. */
		FAILED, CANCELED

	}

	/**
	 * One visit of a step (or one failure of it: an asynchronous step that fails leaves no activity instance,
	 * only its incident).
	 *
	 * @param durationMillis null while running
	 * @param message the incident message of a failure, the caught error of an interruption, else null
	 * @param actions what the step did to SQL Server, the Lync shell and the shares
	 */
	public record Step(String stepId, @Schema(types = { "string", "null" }) String name, String type, Instant startedAt,
			@Schema(types = { "string", "null" }, format = "date-time", description = "null while it runs") Instant endedAt,
			@Schema(types = { "integer", "null" }, format = "int64", description = "null while it runs") Long durationMillis,
			Outcome outcome, @Schema(types = { "string", "null" }) String message, List<ActionLog.Action> actions) {
	}

	/**
	 * An operator's decision in a user task.
	 *
	 * @param user who completed the task: the assignee, else the authenticated user of the completion
	 * @param values the variables the operator submitted, as text
	 */
	public record Decision(String stepId, String stepName, @Schema(types = { "string", "null" }) String user,
			Instant decidedAt, Map<String, String> values, @Schema(types = { "string", "null" }) String comment) {
	}

	/**
	 * @param whatIsLost once ApplyLogBackups found the gap: the missing log backups, the last transaction recovered
	 * and that everything after it is lost, as DecideBrokenLogChain and the callbacks say it; null otherwise
	 * @param description the window in words, as the plan showed it to the operator
	 * @param logChainGap the gap ApplyLogBackups found, null when the chain was continuous
	 * @param decision what the operator decided about the gap, null when there was none
	 */
	public record DataLoss(@Schema(types = { "string", "null" }) String whatIsLost,
			@Schema(types = { "string", "null" }, format = "date-time") Instant lastRecoverableAt,
			@Schema(types = { "string", "null" }, format = "date-time") Instant lostUntil,
			@Schema(types = { "string", "null" }) String description,
			@Schema(types = { "string", "null" }) String logChainGap,
			@Schema(types = { "string", "null" }) String decision) {
	}

	/**
	 * A step that failed and waits for its next attempt: nothing moves until then, and no incident says why yet.
	 *
	 * @param nextAttempt the attempt that comes next, of {@code attempts} ({@code pchat.retry.cycle})
	 * @param lastError what the last attempt failed with
	 */
	public record Retrying(String stepId, @Schema(types = { "string", "null" }) String name, int nextAttempt,
			int attempts, @Schema(types = { "string", "null" }) String lastError,
			@Schema(types = { "string", "null" }, format = "date-time") Instant nextAttemptAt) {
	}

	/** An incident still open: the failover waits for someone to fix the cause and retry. */
	public record Incident(@Schema(types = { "string", "null" }) String stepId, Instant createdAt,
			@Schema(types = { "string", "null" }) String message) {
	}

}
