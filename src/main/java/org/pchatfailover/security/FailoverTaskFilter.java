package org.pchatfailover.security;

import java.util.List;
import java.util.Map;

/**
 * What Tasklist's "Failover tasks" filter shows. Tasklist (7.24) broadcasts a refresh every 10 seconds and reloads
 * the list when the selected filter's {@code properties.refresh} is true, so a new task appears without a reload;
 * {@code properties.variables} ({@code name}, {@code label}) are the variables each task in the list shows beside its
 * name, which is the step (DESIGN-NOTES, "Operators' screens", section 6).
 */
final class FailoverTaskFilter {

	// DESIGN.md's variable names, which both processes set; FailoverTaskFilterTest holds them to FailoverVariables
	static final String TICKET_ID = "ticketId";

	static final String POOL_FQDN = "poolFqdn";

	static final Map<String, Object> PROPERTIES = Map.of("description",
			"Decisions of running Persistent Chat failovers: ticket, pool and step", "priority", -10, "color",
			"#b5152b", "refresh", true, "showUndefinedVariable", false, "variables",
			List.of(Map.of("name", TICKET_ID, "label", "Ticket"), Map.of("name", POOL_FQDN, "label", "Pool")));

	private FailoverTaskFilter() {
	}

}
