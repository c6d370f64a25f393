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

	@GetMapping
	@Operation(operationId = "findFailbacksByTicket", summary = "The failback a ticket started",
			description = "For pchat-ticketing, pchat-operators and pchat-admins. A list of at most one failback.")
	@ApiResponse(responseCode = "200", description = "The ticket's failback, or an empty list.",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(implementation = FailoverView.class)),
					examples = @ExampleObject(name = "failovers-of-ticket", ref = ApiDocs.EXAMPLES + "failovers-of-ticket")))
	@ApiResponse(responseCode = "400", description = "`ticketId` missing or not a ticket id.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM), examples = {
					@ExampleObject(name = "problem-invalid-ticket-id", ref = ApiDocs.EXAMPLES + "problem-invalid-ticket-id"),
					@ExampleObject(name = "problem-missing-ticket-id", ref = ApiDocs.EXAMPLES + "problem-missing-ticket-id") }))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	List<FailoverView> findByTicket(@Parameter(description = "the ticket id the failback was started for",
			example = "CHG-1800") @RequestParam String ticketId) {
		requireReader();
		if (!ticketId.matches(FailoverRequest.TICKET_ID)) {
			throw new InvalidFieldException("ticketId", "ticketId '" + ticketId + "' is not a ticket id");
		}
		return views.findByTicket(PROCESS, ticketId).map(List::of).orElse(List.of());
	}

	private void requireReader() {
		currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
	}

}
