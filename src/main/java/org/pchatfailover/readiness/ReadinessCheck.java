package org.pchatfailover.readiness;

import java.util.Map;

import org.pchatfailover.i18n.DisplaySentences;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One check of the estate: what it read, and what to do when it failed.
 *
 * @param name stable id of the check, e.g. {@code backup-sql-login}
 * @param ok whether a failover would get past what this check covers
 * @param evidence what was read, as an operator would quote it in a ticket
 * @param remedy what to do, in plain words; null when ok
 */
public record ReadinessCheck(String name, boolean ok, String evidence,
		@Schema(types = { "string", "null" }, description = "null when ok") String remedy) {

	static ReadinessCheck passed(String name, String evidence) {
		return new ReadinessCheck(name, true, evidence, null);
	}

	static ReadinessCheck failed(String name, String evidence, String remedy) {
		return new ReadinessCheck(name, false, evidence, remedy);
	}

	/** A check that could not run because one it depends on failed: failed too, saying which. */
	static ReadinessCheck notChecked(String name, String because) {
		// display.* templates: the estate check's summary says them in the reader's language
		return failed(name, DisplaySentences.english("readiness.notChecked", Map.of("because", because)),
				DisplaySentences.english("readiness.notCheckedRemedy", Map.of()));
	}

}
