package org.pchatfailover.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pchatfailover.i18n.DisplaySentences;

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

	/**
	 * The report in the words of the failover's plan: ready, or which checks failed and what to do. The fixed words
	 * are {@code display.readiness.*} templates ({@link DisplaySentences}), so the form says them in the reader's
	 * language; a check's name and what it read stay as they are.
	 */
	public String summary() {
		String time = String.valueOf(checkedAt);
		String total = String.valueOf(checks.size());
		if (ready) {
			return DisplaySentences.english("readiness.ready", Map.of("time", time, "count", total)) + "\n";
		}
		StringBuilder text = new StringBuilder(DisplaySentences.english("readiness.notReady",
				Map.of("time", time, "failed", String.valueOf(failedChecks().size()), "count", total))).append('\n');
		failedChecks().forEach(check -> text.append(DisplaySentences.english("readiness.check", Map.of("name",
				check.name(), "evidence", String.valueOf(check.evidence()), "remedy", String.valueOf(check.remedy()))))
			.append('\n'));
		return text.toString();
	}

}
