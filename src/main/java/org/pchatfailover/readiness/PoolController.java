package org.pchatfailover.readiness;

import java.time.Instant;
import java.util.List;

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
			LastReadiness lastReadiness, String readiness) {
	}

	/** @param failedChecks the names of the checks that failed */
	record LastReadiness(boolean ready, Instant checkedAt, List<String> failedChecks) {
	}

	@GetMapping("/api/pools")
	List<PoolView> pools() {
		currentUser.requireAnyGroup(FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
		return topology.pools().stream().map(this::view).toList();
	}

	@GetMapping("/api/pools/{fqdn}/readiness")
	ReadinessReport readiness(@PathVariable String fqdn) {
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
