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
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.security.CurrentUser;
import org.pchatfailover.security.FailoverGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The failback's ticketing contract (DESIGN.md): as {@code /api/failovers}, same body, same rules, for a pool whose
 * primary instance and data centre are configured. The failback shares the failover's registration, so a ticket
 * starts one process of either kind and a pool runs one at a time (409).
 */
@RestController
@RequestMapping("/api/failbacks")
@Tag(name = "Failbacks", description = "Start a failback for a ticket once the primary data centre is rebuilt")
class FailbackController {

	private static final String PROCESS = FailbackVariables.PROCESS_ID;

	private final FailoverStarter starter;

	private final FailoverViews views;

	private final CurrentUser currentUser;

	private final FailoverController failovers;

	FailbackController(FailoverStarter starter, FailoverViews views, CurrentUser currentUser,
			FailoverController failovers) {
		this.starter = starter;
		this.views = views;
		this.currentUser = currentUser;
		this.failovers = failovers;
	}

	@PostMapping
	@Operation(operationId = "startFailback", summary = "Start a failback for a ticket (idempotent per ticket)",
			description = "For pchat-ticketing and pchat-admins, once the primary data centre is rebuilt. The ticket id "
					+ "becomes the business key; the same ticket again answers the failback it started. A ticket that "
					+ "started a failover cannot start a failback (409): a failback has its own ticket.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", schema = @Schema(implementation = FailoverRequest.class),
					examples = @ExampleObject(name = "failback-request", ref = ApiDocs.EXAMPLES + "failback-request"))))
	@ApiResponse(responseCode = "201", description = "Started. `Location` names the failback.",
			headers = @Header(name = "Location", description = "/api/failbacks/{id}", schema = @Schema(type = "string")),
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FailoverView.class),
					examples = @ExampleObject(name = "failback-created", ref = ApiDocs.EXAMPLES + "failback-created")))
	@ApiResponse(responseCode = "200", description = "This ticket started a failback before: that failback.",
			headers = @Header(name = "Location", description = "/api/failbacks/{id}", schema = @Schema(type = "string")),
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FailoverView.class),
					examples = @ExampleObject(name = "failback-created", ref = ApiDocs.EXAMPLES + "failback-created")))
	@ApiResponse(responseCode = "400", description = "A field is missing or wrong, or the pool has no primary "
			+ "instance configured; `errors` names each field. Nothing started.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM), examples = {
					@ExampleObject(name = "problem-invalid-field", ref = ApiDocs.EXAMPLES + "problem-invalid-field"),
					@ExampleObject(name = "problem-no-primary", ref = ApiDocs.EXAMPLES + "problem-no-primary") }))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	@ApiResponse(responseCode = "409", description = "A failover or failback of the pool is running, or the ticket "
			+ "started a failover; `ticketId` and `failoverId` name it. Nothing started.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-pool-busy", ref = ApiDocs.EXAMPLES + "problem-pool-busy")))
	@ApiResponse(responseCode = "415", description = "The body is not `application/json`.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-unsupported-media-type",
							ref = ApiDocs.EXAMPLES + "problem-unsupported-media-type")))
	ResponseEntity<FailoverView> start(@Valid @RequestBody FailoverRequest request) {
		String user = currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.ADMINS);
		failovers.requireAllowedCallbackIfAny(request);
		FailoverStarter.Started started = starter.start(PROCESS, request, user);
		// a new failback is answered as its start left it; an earlier one is read again, it may have moved on
		FailoverView view = started.created() ? started.view()
				: views.findRegistered(PROCESS, started.processInstanceId(), started.poolFqdn())
					.orElseThrow(() -> new IllegalStateException(
							"failback " + started.processInstanceId() + " not readable"));
		URI location = URI.create("/api/failbacks/" + started.processInstanceId());
		return started.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getFailback", summary = "Where a failback stands",
			description = "For pchat-ticketing, pchat-operators and pchat-admins: as a failover's view.")
	@ApiResponse(responseCode = "200", description = "The failback.", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = FailoverView.class),
			examples = @ExampleObject(name = "failback-created", ref = ApiDocs.EXAMPLES + "failback-created")))
	@ApiResponse(responseCode = "404", description = "No failback has this id (or the caller may not read it).",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-no-failover", ref = ApiDocs.EXAMPLES + "problem-no-failover")))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	FailoverView get(@Parameter(description = "the failback's id (the process instance id)",
			example = "7846e6c7-ec2a-11f1-98cb-02fc00000001") @PathVariable String id) {
		requireReader();
		return views.find(PROCESS, id).orElseThrow(() -> new FailoverController.NotFoundException(
				"no failback with id " + id));
	}

	/** As {@code GET /api/failovers}: the ticket's failback, or the failbacks newest first, paged and filtered. */
	@GetMapping
	@Operation(operationId = "listFailbacks", summary = "The failbacks, newest first, or the one a ticket started",
			description = "For pchat-ticketing, pchat-operators and pchat-admins, as the failovers' list. With "
					+ "`ticketId`: a list of at most one failback, empty when the ticket started none. Without it: every "
					+ "failback the caller may read, running or finished, newest first, `page` (from 0) of `size` (1 to "
					+ "100, default 20), filtered by `state` and `poolFqdn` when given.")
	@ApiResponse(responseCode = "200", description = "The failbacks, or an empty list.",
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
	List<FailoverView> list(@Parameter(description = "the ticket id the failback was started for",
			example = "CHG-1800") @RequestParam(required = false) String ticketId,
			@Parameter(description = "RUNNING, WAITING_FOR_OPERATOR, INCIDENT, COMPLETED or ABORTED") @RequestParam(
					required = false) String state,
			@Parameter(description = "the pool's FQDN") @RequestParam(required = false) String poolFqdn,
			@Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") String page,
			@Parameter(description = "failbacks per page, 1 to 100") @RequestParam(defaultValue = "20") String size) {
		requireReader();
		if (ticketId != null) {
			ListQuery.requireTicketId(ticketId);
			return views.findByTicket(PROCESS, ticketId).map(List::of).orElse(List.of());
		}
		return views.list(PROCESS, ListQuery.parse(state, poolFqdn, page, size));
	}

	private void requireReader() {
		currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
	}

}
