package org.pchatfailover.security;

/** The groups of DESIGN.md "Users and access". */
public final class FailoverGroups {

	/** Work failover tasks in Tasklist. */
	public static final String OPERATORS = "pchat-operators";

	/** Cockpit, Admin and everything else (Camunda admin group). */
	public static final String ADMINS = "pchat-admins";

	/** Start and read failovers over REST only. */
	public static final String TICKETING = "pchat-ticketing";

	private FailoverGroups() {
	}

}
