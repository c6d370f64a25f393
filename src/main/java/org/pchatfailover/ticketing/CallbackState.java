package org.pchatfailover.ticketing;

/**
 * The state of a failover as a callback reports it: the same values as {@code state} of
 * {@code GET /api/failovers/{id}} (DESIGN.md, REST contract).
 */
public enum CallbackState {

	/** The failover was started; step = the start event. */
	RUNNING,

	/** A user task waits for an operator; step = the task's id. */
	WAITING_FOR_OPERATOR,

	/** A step failed its last retry; step = the failing step's id. */
	INCIDENT,

	/** The failover ended in {@code FailoverCompleted}. */
	COMPLETED,

	/** The failover ended in {@code FailoverAborted}, or was cancelled in Cockpit or over the engine REST API. */
	ABORTED;

	/** End events whose id ends like this abort the runbook ({@code FailoverAborted}). */
	static final String ABORTED_END_EVENT_SUFFIX = "Aborted";

	/**
	 * How a process instance ended: cancelled from outside or in an end event named {@code ...Aborted} is
	 * ABORTED, any other end event COMPLETED.
	 */
	static CallbackState ofEnd(String endActivityId, boolean cancelled) {
		boolean aborted = cancelled || (endActivityId != null && endActivityId.endsWith(ABORTED_END_EVENT_SUFFIX));
		return aborted ? ABORTED : COMPLETED;
	}

}
