package org.pchatfailover.readiness;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.pchatfailover.apidoc.ApiDocs;
import org.pchatfailover.security.CurrentUser;
import org.pchatfailover.security.FailoverGroups;
import org.pchatfailover.topology.Fqdn;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pools} and {@code GET /api/pools/{fqdn}/readiness} (DESIGN.md): the configured pools with their
 * last estate check, and the check run now. For operators and admins: the evidence names instances, shares and
 * accounts a ticketing system has no need to see.
 */
@RestController
@Tag(name = "Pools",
		description = "Before the disaster: would a failover of a pool work today? Not for pchat-ticketing")
class PoolController {

	private final Topology topology;

	private final EstateReadiness readiness;

	private final CurrentUser currentUser;

	PoolController(Topology topology, EstateReadiness readiness, CurrentUser currentUser) {
		this.topology = topology;
		this.readiness = readiness;
		this.currentUser = currentUser;
	}

	/**
	 * A pool as an operator sees it before the disaster.
	 *
	 * @param lastReadiness the last estate check, by any node or request; null before the first
	 */
	record PoolView(String fqdn, String database, String backupSql, String backupMirrorSql, String backupDataCenter,
			@Schema(description = "null before the pool's first check") LastReadiness lastReadiness, String readiness) {
	}

	/** @param failedChecks the names of the checks that failed */
	record LastReadiness(boolean ready, Instant checkedAt, List<String> failedChecks) {
	}

	@GetMapping("/api/pools")
	@Operation(operationId = "listPools", summary = "The configured pools with their last estate check",
			description = "For pchat-operators and pchat-admins.")
	@ApiResponse(responseCode = "200", description = "Every pool of pchat.pools[].", content = @Content(
			mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = PoolView.class)),
			examples = @ExampleObject(name = "pools", ref = ApiDocs.EXAMPLES + "pools")))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	List<PoolView> pools() {
		currentUser.requireAnyGroup(FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
		return topology.pools().stream().map(this::view).toList();
	}

	@GetMapping("/api/pools/{fqdn}/readiness")
	@Operation(operationId = "checkPoolReadiness", summary = "Run the read-only estate check of a pool now",
			description = "For pchat-operators and pchat-admins. Reads the backup SQL Server, the shares, the mirror "
					+ "instance and the Lync shell as a failover would, changes nothing, and says per check what it read "
					+ "and what to do. Takes seconds; the result is also kept as the pool's last check.")
	@ApiResponse(responseCode = "200", description = "Every check, in the order of the runbook; `ready` when all passed.",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReadinessReport.class),
					examples = @ExampleObject(name = "readiness", ref = ApiDocs.EXAMPLES + "readiness")))
	@ApiResponse(responseCode = "403", description = "The user is not in pchat-operators or pchat-admins "
			+ "(pchat-ticketing may not read the estate's evidence).",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-forbidden-readiness",
							ref = ApiDocs.EXAMPLES + "problem-forbidden-readiness")))
	@ApiResponse(responseCode = "404", description = "The pool is not in pchat.pools[].",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-no-pool", ref = ApiDocs.EXAMPLES + "problem-no-pool")))
	@ApiResponse(responseCode = "406", description = "`Accept` admits no JSON.",
			content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
					examples = @ExampleObject(name = "problem-not-acceptable", ref = ApiDocs.EXAMPLES + "problem-not-acceptable")))
	ReadinessReport readiness(@Parameter(description = "the pool's FQDN as in pchat.pools[]",
			example = "atl-cs-001.litwareinc.com") @PathVariable String fqdn) {
		currentUser.requireAnyGroup(FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
		Pool pool = topology.findPool(fqdn).orElseThrow(() -> new UnknownPoolException(fqdn));
		return readiness.check(pool);
	}

	private PoolView view(Pool pool) {
		LastReadiness last = readiness.last(pool.fqdn())
			.map(report -> new LastReadiness(report.ready(), report.checkedAt(),
					report.failedChecks().stream().map(ReadinessCheck::name).toList()))
			.orElse(null);
		return new PoolView(pool.fqdn(), pool.database(), pool.backupSql().displayName(),
				pool.backupMirrorSql().displayName(), pool.backupDataCenter(), last,
				"/api/pools/" + pool.fqdn() + "/readiness");
	}

	@ExceptionHandler(UnknownPoolException.class)
	ResponseEntity<ProblemDetail> notFound(UnknownPoolException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static class UnknownPoolException extends RuntimeException {

		UnknownPoolException(String fqdn) {
			super("no Persistent Chat pool '" + Fqdn.printable(fqdn) + "' in pchat.pools[]");
		}

	}

}
