package org.pchatfailover.security;

import java.util.List;
import java.util.Map;

import org.pchatfailover.failover.FailoverVariables;

/**
 * What Tasklist's "Failover tasks" filter shows. Tasklist (7.24) broadcasts a refresh every 10 seconds and reloads
 * the list when the selected filter's {@code properties.refresh} is true, so a new task appears without a reload;
 * {@code properties.variables} ({@code name}, {@code label}) are the variables each task in the list shows beside its
 * name, which is the step (DESIGN-NOTES, "Operators' screens", section 5).
 */
final class FailoverTaskFilter {

	static final Map<String, Object> PROPERTIES = Map.of("description",
			"Decisions of running Persistent Chat failovers: ticket, pool and step", "priority", -10, "color",
			"#b5152b", "refresh", true, "showUndefinedVariable", false, "variables",
			List.of(Map.of("name", FailoverVariables.TICKET_ID, "label", "Ticket"),
					Map.of("name", FailoverVariables.POOL_FQDN, "label", "Pool")));

	private FailoverTaskFilter() {
	}

}
