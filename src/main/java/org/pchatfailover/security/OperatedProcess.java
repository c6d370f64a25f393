package org.pchatfailover.security;

/**
 * A process operators work and the ticketing system reads, declared by the room that owns it: the access setup
 * grants on it and the Tasklist filter shows its tasks without the security room importing the processes' rooms
 * (which import it).
 */
public interface OperatedProcess {

	/** The process definition key. */
	String processKey();

}
