package org.pchatfailover.ticketing;

import java.util.Arrays;

import org.pchatfailover.failover.FailoverState;
import org.pchatfailover.topology.Fqdn;

/**
 * The paged list's query parameters (DESIGN.md: newest first, {@code ?page=&size=}, filter {@code state},
 * {@code poolFqdn}), checked once for both lists, {@code /api/failovers} and {@code /api/failbacks}: a wrong value
 * is a 400 naming its field.
 *
 * @param state the API state wanted, or null for any
 * @param poolFqdn the pool wanted, or null for any
 */
record ListQuery(FailoverState state, String poolFqdn, int page, int size) {

	static final int MAX_SIZE = 100;

	static ListQuery parse(String state, String poolFqdn, String page, String size) {
		FailoverState wanted = state == null ? null : Arrays.stream(FailoverState.values())
			.filter(s -> s.name().equals(state))
			.findFirst()
			.orElseThrow(() -> new InvalidFieldException("state",
					"state '" + state + "' is none of " + Arrays.toString(FailoverState.values())));
		if (poolFqdn != null && !Fqdn.isValid(poolFqdn)) {
			throw new InvalidFieldException("poolFqdn", "poolFqdn '" + poolFqdn + "' is not an FQDN");
		}
		return new ListQuery(wanted, poolFqdn, number("page", page, 0, 1_000_000), number("size", size, 1, MAX_SIZE));
	}

	/** A ticket's process, as a list of at most one; a ticket id that is none is a 400. */
	static void requireTicketId(String ticketId) {
		if (!ticketId.matches(FailoverRequest.TICKET_ID)) {
			throw new InvalidFieldException("ticketId", "ticketId '" + ticketId + "' is not a ticket id");
		}
	}

	private static int number(String field, String text, int min, int max) {
		if (text.matches("\\d{1,7}")) {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		throw new InvalidFieldException(field, field + " must be a whole number from " + min + " to " + max);
	}

}
