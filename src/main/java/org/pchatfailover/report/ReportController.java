package org.pchatfailover.report;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.pchatfailover.apidoc.ApiDocs;
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.security.CurrentUser;
import org.pchatfailover.security.FailoverGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/failovers/{id}/report}: JSON for the ticketing system, HTML to print, Markdown to paste into
 * the ticket, chosen by {@code Accept}. The format is negotiated here rather than by {@code produces}, so that
 * the answer to an unsupported {@code Accept} is still a problem+json naming the formats.
 */
@RestController
@Tag(name = "Reports", description = "What a failover did, for the ticket and the post-mortem")
class ReportController {

	static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	/** In order of preference when the client accepts several equally. */
	private static final List<MediaType> FORMATS = List.of(MediaType.APPLICATION_JSON, HTML, MARKDOWN);

	private final FailoverReports reports;

	private final CurrentUser currentUser;

	ReportController(FailoverReports reports, CurrentUser currentUser) {
		this.reports = reports;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/failovers/{id}/report")
	@Operation(operationId = "getFailoverReport", summary = "The failover's report: JSON, HTML or Markdown by Accept",
			description = "For pchat-ticketing, pchat-operators and pchat-admins, while the failover runs and after. "
					+ "Who asked and why, each step with its duration and outcome, every T-SQL statement and cmdlet "
					+ "with its result, every operator decision with who and when, the data-loss window. Built from "
					+ "engine history on each request; free of secrets.")
	@ApiResponse(responseCode = "200", description = "The report in the format `Accept` prefers "
			+ "(`application/json` when it admits several equally).", content = {
					@Content(mediaType = "application/json", schema = @Schema(implementation = FailoverReport.class),
							examples = @ExampleObject(name = "report", ref = ApiDocs.EXAMPLES + "report")),
					@Content(mediaType = "text/html", schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "report-html", ref = ApiDocs.EXAMPLES + "report-html")),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "report-md", ref = ApiDocs.EXAMPLES + "report-md")) })
	@ApiResponse(responseCode = "404", description = "No failover has this id (or the caller may not read it).",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-no-failover", ref = ApiDocs.EXAMPLES + "problem-no-failover")))
	@ApiResponse(responseCode = "406", description = "`Accept` admits none of the three formats; `detail` names them.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-report-format", ref = ApiDocs.EXAMPLES + "problem-report-format")))
	@ApiResponse(responseCode = "400", description = "`tz` is not a region of the IANA time zone database; `errors` names it.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-report-tz", ref = ApiDocs.EXAMPLES + "problem-report-tz")))
	ResponseEntity<?> report(@Parameter(description = "the failover's id (the process instance id)",
			example = "7846e6c7-ec2a-11f1-98cb-02fc00000001") @PathVariable String id,
			@Parameter(description = "the time zone of the HTML and Markdown report's times, an IANA Area/City such as "
					+ "America/Chicago (default: UTC; the HTML page then shows them in the browser's zone)",
					example = "America/Chicago") @RequestParam(name = ReportZone.PARAMETER, required = false) String tz,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT,
					defaultValue = MediaType.ALL_VALUE) String accept,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
					required = false) String acceptLanguage) {
		return render(FailoverVariables.PROCESS_ID, id, accept, acceptLanguage, tz);
	}

	@GetMapping("/api/failbacks/{id}/report")
	@Operation(operationId = "getFailbackReport", summary = "The failback's report: JSON, HTML or Markdown by Accept",
			description = "As the failover's report, for a failback: each step with its duration and outcome, every "
					+ "T-SQL statement and cmdlet with its result, every operator decision with who and when.")
	@ApiResponse(responseCode = "200", description = "The report in the format `Accept` prefers.", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = FailoverReport.class),
					examples = @ExampleObject(name = "report", ref = ApiDocs.EXAMPLES + "report")),
			@Content(mediaType = "text/html", schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "report-html", ref = ApiDocs.EXAMPLES + "report-html")),
			@Content(mediaType = "text/markdown", schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "report-md", ref = ApiDocs.EXAMPLES + "report-md")) })
	@ApiResponse(responseCode = "404", description = "No failback has this id (or the caller may not read it).",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-no-failover", ref = ApiDocs.EXAMPLES + "problem-no-failover")))
	@ApiResponse(responseCode = "406", description = "`Accept` admits none of the three formats; `detail` names them.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-report-format", ref = ApiDocs.EXAMPLES + "problem-report-format")))
	@ApiResponse(responseCode = "400", description = "`tz` is not a region of the IANA time zone database; `errors` names it.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-report-tz", ref = ApiDocs.EXAMPLES + "problem-report-tz")))
	ResponseEntity<?> failbackReport(@Parameter(description = "the failback's id (the process instance id)",
			example = "7846e6c7-ec2a-11f1-98cb-02fc00000001") @PathVariable String id,
			@Parameter(description = "the time zone of the HTML and Markdown report's times, an IANA Area/City such as "
					+ "America/Chicago (default: UTC; the HTML page then shows them in the browser's zone)",
					example = "America/Chicago") @RequestParam(name = ReportZone.PARAMETER, required = false) String tz,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT,
					defaultValue = MediaType.ALL_VALUE) String accept,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
					required = false) String acceptLanguage) {
		return render(FailbackVariables.PROCESS_ID, id, accept, acceptLanguage, tz);
	}

	private ResponseEntity<?> render(String processKey, String id, String accept, String acceptLanguage, String tz) {
		currentUser.requireAnyGroup(FailoverGroups.ADMINS, FailoverGroups.OPERATORS, FailoverGroups.TICKETING);
		Optional<ZoneId> zone = ReportZone.of(tz);
		Optional<MediaType> format = format(accept);
		if (format.isEmpty()) {
			return problem(HttpStatus.NOT_ACCEPTABLE, "the report is available as " + FORMATS.stream()
				.map(MediaType::toString)
				.map(type -> type.replace(";charset=UTF-8", ""))
				.toList() + ", not as " + accept);
		}
		FailoverReport report = reports.find(processKey, id).orElseThrow(() -> new NoSuchFailoverException(id));
		MediaType type = format.get();
		// JSON is for machines and stays as it is (English words, instants in UTC, ISO 8601); the pages are for
		// people and speak their language, their times in the zone asked for
		Messages messages = Messages.forAcceptLanguage(acceptLanguage);
		Object body = HTML.equals(type) ? ReportHtml.render(report, messages, zone)
				: MARKDOWN.equals(type) ? ReportMarkdown.render(report, messages, zone) : report;
		// nosniff: a browser renders the JSON and Markdown as what they are, never as HTML
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE)
			.headers(headers -> {
				if (body != report) {
					headers.set(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(messages.locale()));
				}
			})
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", ReportHtml.CONTENT_SECURITY_POLICY)
			.body(body);
	}

	/** The client's most preferred format we have; empty when none fits. */
	static Optional<MediaType> format(String accept) {
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept.isBlank() ? MediaType.ALL_VALUE : accept);
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
		MimeTypeUtils.sortBySpecificity(accepted);
		// MediaType's specificity puts the higher quality first; q=0 means "not this one"
		return accepted.stream()
			.filter(wanted -> wanted.getQualityValue() > 0)
			.flatMap(wanted -> FORMATS.stream().filter(wanted::includes))
			.findFirst();
	}

	@ExceptionHandler(ReportZone.UnknownZoneException.class)
	ResponseEntity<ProblemDetail> unknownZone(ReportZone.UnknownZoneException ex) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		response.getBody().setTitle("Invalid request");
		response.getBody().setProperty("errors", List.of(Map.of("field", ReportZone.PARAMETER, "message", ex.getMessage())));
		return response;
	}

	@ExceptionHandler(NoSuchFailoverException.class)
	ResponseEntity<ProblemDetail> notFound(NoSuchFailoverException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	// Content-Type set explicitly: the problem is written as problem+json whatever the client accepted
	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static class NoSuchFailoverException extends RuntimeException {

		NoSuchFailoverException(String id) {
			super("no failover or failback with id '" + id + "'");
		}

	}

}
