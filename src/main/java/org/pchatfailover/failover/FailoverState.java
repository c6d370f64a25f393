package org.pchatfailover.failover;

/**
 * What a failover is doing, in the words of {@code state} of {@code GET /api/failovers/{id}} (DESIGN.md, REST
 * contract). The API, the report and the ticketing callbacks all say it with this type and the rule below, so a
 * ticketing system never reads one state in a callback and another in the API.
 */
public enum FailoverState {

	/** Started, or a service step runs or waits for the job executor. */
	RUNNING,

	/** A user task waits for an operator. */
	WAITING_FOR_OPERATOR,

	/** A step has used up its retries and waits for an operator to fix the cause and retry it. */
	INCIDENT,

	/** Ended in an end event that does not abort ({@code FailoverCompleted}). */
	COMPLETED,

	/** Ended in {@code FailoverAborted}, or cancelled in Cockpit or over the engine REST API. */
	ABORTED;

	/** End events whose id ends like this abort the runbook ({@code FailoverAborted}, {@code FailbackAborted}). */
	static final String ABORTED_END_EVENT_SUFFIX = "Aborted";

	/**
	 * How a failover ended: cancelled from outside, or in an end event named {@code ...Aborted}, is ABORTED; any
	 * other end COMPLETED.
	 * @param endActivityId the end event reached, or the activity it was at when cancelled (may be null)
	 */
	public static FailoverState ofEnd(String endActivityId, boolean cancelled) {
		boolean aborted = cancelled || (endActivityId != null && endActivityId.endsWith(ABORTED_END_EVENT_SUFFIX));
		return aborted ? ABORTED : COMPLETED;
	}

	/**
	 * A failover that has not ended: an open incident comes first, because nothing moves until someone acts on
	 * it, even while another branch waits for an operator.
	 */
	public static FailoverState ofRunning(boolean openIncident, boolean waitingForOperator) {
		if (openIncident) {
			return INCIDENT;
		}
		return waitingForOperator ? WAITING_FOR_OPERATOR : RUNNING;
	}

	public boolean isEnd() {
		return this == COMPLETED || this == ABORTED;
	}

}
