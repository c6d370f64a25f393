package org.pchatfailover.ticketing;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

import org.pchatfailover.failover.FailoverState;

/**
 * The body POSTed to the ticketing system (DESIGN.md, REST contract "Callbacks"). A redelivery after a failure
 * carries the same body, so a receiver can drop duplicates by (id, state, step, at), and keep the callback with
 * the latest {@code at} per id: two engine nodes may deliver the callbacks of one failover out of order.
 *
 * @param ticketId the ticket the failover was started for (= business key)
 * @param id the failover's id (process instance id), as in {@code /api/failovers/{id}}
 * @param state what the failover is doing now
 * @param step the activity id: the start event, the waiting user task, the failing step or the end event
 * @param at when the state changed, by the engine's clock (not when the callback was delivered)
 * @param dataLoss once the log chain broke: what recovering loses (the missing log backups, the last transaction
 * recovered, that everything after it is lost), as the operator's form and the report say it; absent otherwise
 */
public record TicketingCallback(String ticketId, String id, FailoverState state,
		@Schema(types = { "string", "null" },
				description = "null when a failover was cancelled while a step's job waited") String step,
		Instant at,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
				description = "present once the log chain broke: what recovering loses, the same words as the "
						+ "operator's form and the report") String dataLoss) {

	public TicketingCallback(String ticketId, String id, FailoverState state, String step, Instant at) {
		this(ticketId, id, state, step, at, null);
	}

}
