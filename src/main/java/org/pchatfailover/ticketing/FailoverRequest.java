package org.pchatfailover.ticketing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.topology.Fqdn;

/**
 * What a ticketing system sends to start a failover. Unknown properties are refused
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties}): a misspelt {@code callbackURL} must not
 * silently start a failover nobody hears back from.
 *
 * @param ticketId the ticket, also the process business key: letters, digits, {@code . _ : -}, at most 64
 * @param poolFqdn the Persistent Chat pool, as configured in {@code pchat.pools[]} (at most 253 characters)
 * @param reason why, for the record (at most 2000 characters)
 * @param requestedBy who asked for it in the ticketing system (at most 200 characters)
 * @param callbackUrl where milestones are POSTed (http or https, with a host name and a port from 1 to 65535, at
 * most 2000 characters), optional
 */
public record FailoverRequest(
		@NotBlank @Size(max = 64) @Pattern(regexp = TICKET_ID, message = "must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit") String ticketId,
		@NotBlank @Size(max = 253) @Pattern(regexp = Fqdn.PATTERN, message = "must be an RFC 1123 FQDN") String poolFqdn,
		@NotBlank @Size(max = 2000) @Pattern(regexp = NO_CONTROL_CHARACTERS_BUT_NEWLINES, message = "must not contain control characters") String reason,
		@NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String requestedBy,
		@Size(max = 2000) @Pattern(regexp = HTTP_URL, message = "must be an absolute http or https URL") String callbackUrl) {

	public static final String TICKET_ID = FailoverVariables.TICKET_ID_PATTERN;

	static final String NO_CONTROL_CHARACTERS = "^[^\\p{Cntrl}]*$";

	static final String NO_CONTROL_CHARACTERS_BUT_NEWLINES = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

	static final String HTTP_URL = "^https?://[^\\s/?#@]+(:\\d{1,5})?([/?#][^\\s]*)?$";

}
