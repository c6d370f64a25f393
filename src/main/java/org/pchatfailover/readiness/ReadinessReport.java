package org.pchatfailover.readiness;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether a failover of a pool would work today ({@code GET /api/pools/{fqdn}/readiness}, DESIGN.md).
 *
 * @param pool the pool's FQDN
 * @param ready every check passed
 * @param checkedAt when the check ran
 * @param checks every check, in the order of the runbook, the same names in every report
 * @param recoveryPoint when the newest log backup that could be restored finished (check {@code recovery-point}):
 * a failover now loses what happened after it; null when none could be read
 */
public record ReadinessReport(String pool, boolean ready, Instant checkedAt, List<ReadinessCheck> checks,
		@Schema(types = { "string", "null" }, format = "date-time",
				description = "finish time of the newest restorable log backup; null when none could be read") Instant recoveryPoint) {

	static ReadinessReport of(String pool, Instant checkedAt, List<ReadinessCheck> checks, Instant recoveryPoint) {
		return new ReadinessReport(pool, checks.stream().allMatch(ReadinessCheck::ok), checkedAt, List.copyOf(checks),
				recoveryPoint);
	}

	public List<ReadinessCheck> failedChecks() {
		return checks.stream().filter(check -> !check.ok()).toList();
	}

	/** The report in the words of the failover's plan: ready, or which checks failed and what to do. */
	public String summary() {
		StringBuilder text = new StringBuilder("Estate check of ").append(checkedAt).append(": ");
		if (ready) {
			return text.append("ready, ").append(checks.size()).append(" checks passed\n").toString();
		}
		text.append("NOT READY, ").append(failedChecks().size()).append(" of ").append(checks.size())
			.append(" checks failed\n");
		failedChecks().forEach(check -> text.append("  - ").append(check.name()).append(": ").append(check.evidence())
			.append(" -> ").append(check.remedy()).append('\n'));
		return text.toString();
	}

}
