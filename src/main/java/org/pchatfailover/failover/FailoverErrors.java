package org.pchatfailover.failover;

/** BPMN error codes of {@code persistentChatFailover}: business outcomes the model routes, not failures. */
public final class FailoverErrors {

	/** The next log backup starts after the redo LSN (a gap): the operator decides in DecideBrokenLogChain. */
	public static final String LOG_CHAIN_BROKEN = "LOG_CHAIN_BROKEN";

	private FailoverErrors() {
	}

}
