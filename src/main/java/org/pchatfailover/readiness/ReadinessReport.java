package org.pchatfailover.readiness;

import java.time.Instant;
import java.util.List;

/**
 * Whether a failover of a pool would work today ({@code GET /api/pools/{fqdn}/readiness}, DESIGN.md).
 *
 * @param pool the pool's FQDN
 * @param ready every check passed
 * @param checkedAt when the check ran
 * @param checks every check, in the order of the runbook, the same names in every report
 */
public record ReadinessReport(String pool, boolean ready, Instant checkedAt, List<ReadinessCheck> checks) {

	static ReadinessReport of(String pool, Instant checkedAt, List<ReadinessCheck> checks) {
		return new ReadinessReport(pool, checks.stream().allMatch(ReadinessCheck::ok), checkedAt, List.copyOf(checks));
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
