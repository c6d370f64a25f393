package org.pchatfailover.failover;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.sqlserver.FailoverPlan;

/**
 * The plan in the words an operator reads before approving: what will be copied, applied and lost. A long list
 * shows its first and last files and how many lie between: the approver needs the counts, the ends and the gap, and
 * a failover with thousands of pending logs must still fit a String variable ({@link TextVariables}). Every file
 * stays in the JSON variable {@code failoverPlan}, and each copy and restore in the report. Each fixed line is a
 * {@code display.plan.*} template ({@link DisplaySentences}), so ConfirmFailover shows it in the reader's language;
 * the listed items are file names and LSNs, values, and stay as they are.
 */
final class PlanSummary {

	/** A list up to this long is shown whole; a longer one by its first and last {@link #SHOWN_AT_EACH_END}. */
	static final int LISTED_IN_FULL = 20;

	static final int SHOWN_AT_EACH_END = 5;

	/** Where every file of the plan can be read when the summary shows only the ends of a list. */
	static final String FULL_PLAN = "the process variable failoverPlan (Cockpit, engine REST API)";

	private PlanSummary() {
	}

	static String describe(FailoverPlan plan) {
		StringBuilder text = new StringBuilder();
		Map<String, String> state = Map.of("pool", plan.poolFqdn(), "database", plan.database(), "instance",
				plan.backupInstance(), "state", String.valueOf(plan.databaseState()));
		if (plan.redoStartLsn() != null) {
			Map<String, String> withLsn = new HashMap<>(state);
			withLsn.put("lsn", String.valueOf(plan.redoStartLsn()));
			line(text, "plan.stateAtRedoLsn", withLsn);
		}
		else {
			line(text, "plan.state", state);
		}
		line(text, "plan.backupShare", Map.of("directory", nullToDash(plan.backupSourceDirectory())));
		line(text, "plan.copyDestination", Map.of("directory", nullToDash(plan.backupDestinationDirectory())));
		line(text, "plan.lastFiles", Map.of("copied", nullToDash(plan.lastCopiedFile()), "restored",
				nullToDash(plan.lastRestoredFile())));
		list(text, "plan.filesToCopy", plan.filesToCopy());
		list(text, "plan.logsToApply",
				plan.logsToApply().stream().map(l -> l.fileName() + " (LSN " + l.firstLsn() + " - " + l.lastLsn() + ")")
					.toList());
		line(text, "plan.logsAlreadyApplied", Map.of("count", String.valueOf(plan.logsAlreadyApplied().size())));
		if (plan.gap() != null) {
			String expected = String.valueOf(plan.gap().expectedFirstLsn());
			if (plan.gap().foundFile() != null) {
				line(text, "plan.chainBrokenAt", Map.of("lsn", expected, "file", plan.gap().foundFile(), "foundLsn",
						String.valueOf(plan.gap().foundFirstLsn())));
			}
			else {
				line(text, "plan.chainBroken", Map.of("lsn", expected));
			}
		}
		if (plan.dataLoss() != null) {
			line(text, "plan.dataLoss", Map.of("statement", plan.dataLoss().description()));
		}
		return text.toString();
	}

	/** {@code template} names a list's title: {@code <template>None} when empty, else the count and the items. */
	private static void list(StringBuilder text, String template, List<String> items) {
		if (items.isEmpty()) {
			line(text, template + "None", Map.of());
			return;
		}
		line(text, template, Map.of("count", String.valueOf(items.size())));
		if (items.size() <= LISTED_IN_FULL) {
			items.forEach(item -> text.append("  - ").append(item).append('\n'));
			return;
		}
		items.subList(0, SHOWN_AT_EACH_END).forEach(item -> text.append("  - ").append(item).append('\n'));
		line(text, "plan.more", Map.of("count", String.valueOf(items.size() - 2 * SHOWN_AT_EACH_END)));
		items.subList(items.size() - SHOWN_AT_EACH_END, items.size())
			.forEach(item -> text.append("  - ").append(item).append('\n'));
	}

	private static void line(StringBuilder text, String template, Map<String, String> values) {
		text.append(DisplaySentences.english(template, values)).append('\n');
	}

	private static String nullToDash(String value) {
		return value == null ? "-" : value;
	}

}
