package org.pchatfailover.ticketing;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.pchatfailover.apidoc.ApiDocs;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.security.CurrentUser;
import org.pchatfailover.security.FailoverGroups;
import org.pchatfailover.topology.Fqdn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticketing contract of DESIGN.md: start a failover for a ticket, idempotently, and follow it. Starting is
 * for {@code pchat-ticketing} and {@code pchat-admins}; reading also for {@code pchat-operators}.
 */
@RestController
@RequestMapping("/api/failovers")
@Tag(name = "Failovers", description = "Start a failover for a ticket and follow it")
class FailoverController {

	private final FailoverStarter starter;

	private final FailoverViews views;

	private final CurrentUser currentUser;

	private final TicketingCallbackProperties callbacks;

	FailoverController(FailoverStarter starter, FailoverViews views, CurrentUser currentUser,
			TicketingCallbackProperties callbacks) {
		this.starter = starter;
		this.views = views;
		this.currentUser = currentUser;
		this.callbacks = callbacks;
	}

	/** 201 with Location for a new failover, 200 with the same failover when the ticket started one before. */
	@PostMapping
	@Operation(operationId = "startFailover", summary = "Start a failover for a ticket (idempotent per ticket)",
			description = "For pchat-ticketing and pchat-admins. The ticket id becomes the process's business key. "
					+ "Asking again for the same ticket answers the failover it started, whatever the rest of the body "
					+ "says, also when requests race across engine nodes.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", schema = @Schema(implementation = FailoverRequest.class),
					examples = @ExampleObject(name = "failover-request", ref = ApiDocs.EXAMPLES + "failover-request"))))
	@ApiResponse(responseCode = "201", description = "Started. `Location` names the failover.",
			headers = @Header(name = "Location", description = "/api/failovers/{id}", schema = @Schema(type = "string")),
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FailoverView.class),
					examples = @ExampleObject(name = "failover-created", ref = ApiDocs.EXAMPLES + "failover-created")))
	@ApiResponse(responseCode = "200",
			description = "This ticket started a failover before: that failover, nothing new started.",
			headers = @Header(name = "Location", description = "/api/failovers/{id}", schema = @Schema(type = "string")),
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FailoverView.class),
					examples = @ExampleObject(name = "failover-again", ref = ApiDocs.EXAMPLES + "failover-again")))
	@ApiResponse(responseCode = "400",
			description = "A field is missing or wrong (bad ticket id, FQDN that is not RFC 1123, pool not in "
					+ "pchat.pools[], callbackUrl to a host not allowed, unknown property, body not JSON); "
					+ "`errors` names each field. Nothing started.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM), examples = {
					@ExampleObject(name = "problem-invalid-field", ref = ApiDocs.EXAMPLES + "problem-invalid-field"),
					@ExampleObject(name = "problem-unknown-pool", ref = ApiDocs.EXAMPLES + "problem-unknown-pool") }))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON. Decided after the request was "
			+ "handled: a new ticket's failover has started; send the same request with `Accept: application/json` "
			+ "to read it (200).",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	@ApiResponse(responseCode = "409", description = "A failover of the pool is running for another ticket; "
			+ "`ticketId` and `failoverId` name it. Nothing started.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-pool-busy", ref = ApiDocs.EXAMPLES + "problem-pool-busy")))
	@ApiResponse(responseCode = "415", description = "The body is not `application/json`.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-unsupported-media-type",
							ref = ApiDocs.EXAMPLES + "problem-unsupported-media-type")))
	ResponseEntity<FailoverView> start(@Valid @RequestBody FailoverRequest request) {
		String user = currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.ADMINS);
		requireAllowedCallbackIfAny(request);
		FailoverStarter.Started started = starter.start(request, user);
		// a new failover is answered as its start left it; an earlier one is read again, it may have moved on
		FailoverView view = started.created() ? started.view()
				: views.findRegistered(FailoverVariables.PROCESS_ID, started.processInstanceId(), started.poolFqdn())
					.orElseThrow(() -> new IllegalStateException(
							"failover " + started.processInstanceId() + " not readable"));
		URI location = URI.create("/api/failovers/" + started.processInstanceId());
		return started.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getFailover", summary = "Where a failover stands",
			description = "For pchat-ticketing, pchat-operators and pchat-admins: its state, the steps active now, "
					+ "the steps done with their outcome, open incidents, and links to the report, Tasklist and Cockpit.")
	@ApiResponse(responseCode = "200", description = "The failover.", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = FailoverView.class), examples = {
					@ExampleObject(name = "failover-waiting", ref = ApiDocs.EXAMPLES + "failover-waiting"),
					@ExampleObject(name = "failover-running", ref = ApiDocs.EXAMPLES + "failover-running"),
					@ExampleObject(name = "failover-completed", ref = ApiDocs.EXAMPLES + "failover-completed") }))
	@ApiResponse(responseCode = "404", description = "No failover has this id (or the caller may not read it).",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-no-failover", ref = ApiDocs.EXAMPLES + "problem-no-failover")))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	FailoverView get(@Parameter(description = "the failover's id (the process instance id)",
			example = "7846e6c7-ec2a-11f1-98cb-02fc00000001") @PathVariable String id) {
		requireReader();
		return views.find(id).orElseThrow(() -> new NotFoundException("no failover with id " + id));
	}

	/**
	 * The failover a ticket started (with {@code ticketId}, a list of at most one), or all failovers newest first,
	 * paged and filtered by state and pool (DESIGN.md, REST contract).
	 */
	@GetMapping
	@Operation(operationId = "listFailovers", summary = "The failovers, newest first, or the one a ticket started",
			description = "For pchat-ticketing, pchat-operators and pchat-admins. With `ticketId`: a list of at most one "
					+ "failover, empty when the ticket started none (for a ticketing system that lost the id). Without "
					+ "it: every failover the caller may read, running or finished, newest first, `page` (from 0) of "
					+ "`size` (1 to 100, default 20), filtered by `state` and `poolFqdn` when given.")
	@ApiResponse(responseCode = "200", description = "The failovers, or an empty list.",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(implementation = FailoverView.class)),
					examples = @ExampleObject(name = "failovers-of-ticket", ref = ApiDocs.EXAMPLES + "failovers-of-ticket")))
	@ApiResponse(responseCode = "400", description = "`ticketId` not a ticket id, `state` not a state, `poolFqdn` "
			+ "not an FQDN, `page` negative or `size` outside 1 to 100; `errors` names the field.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM), examples = {
					@ExampleObject(name = "problem-invalid-ticket-id", ref = ApiDocs.EXAMPLES + "problem-invalid-ticket-id") }))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	List<FailoverView> list(@Parameter(description = "the ticket id the failover was started for",
			example = "INC-4711") @RequestParam(required = false) String ticketId,
			@Parameter(description = "RUNNING, WAITING_FOR_OPERATOR, INCIDENT, COMPLETED or ABORTED") @RequestParam(
					required = false) String state,
			@Parameter(description = "the pool's FQDN") @RequestParam(required = false) String poolFqdn,
			@Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") String page,
			@Parameter(description = "failovers per page, 1 to 100") @RequestParam(defaultValue = "20") String size) {
		requireReader();
		if (ticketId != null) {
			ListQuery.requireTicketId(ticketId);
			return views.findByTicket(ticketId).map(List::of).orElse(List.of());
		}
		return views.list(FailoverVariables.PROCESS_ID, ListQuery.parse(state, poolFqdn, page, size));
	}

	/** The request's callback URL, when it names one, must be one the callbacks may go to (400 otherwise). */
	void requireAllowedCallbackIfAny(FailoverRequest request) {
		if (request.callbackUrl() != null && !request.callbackUrl().isBlank()) {
			requireAllowedCallback(request.callbackUrl());
		}
	}

	/** A URL the pattern let through can still be no URI ({@code %zz}) or have no host ({@code a_b}): 400, not 500. */
	private void requireAllowedCallback(String text) {
		URI url = CallbackUrl.parse(text)
			.filter(u -> u.getPort() == -1 || (u.getPort() >= 1 && u.getPort() <= 65535))
			.orElseThrow(() -> new InvalidFieldException("callbackUrl",
					"callbackUrl must be an absolute http or https URL with a host name and a port from 1 to 65535"));
		if (!callbacks.allowsCallbackTo(url)) {
			throw new InvalidFieldException("callbackUrl", "callbackUrl names host '" + url.getHost()
					+ "', which is not the host of pchat.ticketing.callback-url nor in pchat.ticketing.allowed-callback-hosts");
		}
	}

	private void requireReader() {
		currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
	}

	/** HTTP 404 for an id that names no failover (or one the caller may not read). */
	static class NotFoundException extends RuntimeException {

		NotFoundException(String message) {
			super(message);
		}

	}

}
