package org.pchatfailover.failover;

import java.util.List;

import org.pchatfailover.sqlserver.FailoverPlan;

/**
 * The plan in the words an operator reads before approving: what will be copied, applied and lost. A long list
 * shows its first and last files and how many lie between: the approver needs the counts, the ends and the gap, and
 * a failover with thousands of pending logs must still fit a String variable ({@link TextVariables}). Every file
 * stays in the JSON variable {@code failoverPlan}, and each copy and restore in the report.
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
		text.append("Pool ").append(plan.poolFqdn()).append(": database ").append(plan.database()).append(" on ")
			.append(plan.backupInstance()).append(" is ").append(plan.databaseState());
		if (plan.redoStartLsn() != null) {
			text.append(" (redo LSN ").append(plan.redoStartLsn()).append(')');
		}
		text.append('\n');
		text.append("Backup share: ").append(nullToDash(plan.backupSourceDirectory())).append('\n');
		text.append("Copy destination: ").append(nullToDash(plan.backupDestinationDirectory())).append('\n');
		text.append("Last copied: ").append(nullToDash(plan.lastCopiedFile())).append("; last restored: ")
			.append(nullToDash(plan.lastRestoredFile())).append('\n');
		list(text, "Files to copy", plan.filesToCopy());
		list(text, "Log backups to apply in LSN order",
				plan.logsToApply().stream().map(l -> l.fileName() + " (LSN " + l.firstLsn() + " - " + l.lastLsn() + ")")
					.toList());
		text.append("Log backups already applied: ").append(plan.logsAlreadyApplied().size()).append('\n');
		if (plan.gap() != null) {
			text.append("LOG CHAIN BROKEN: next log must start at or before LSN ").append(plan.gap().expectedFirstLsn());
			if (plan.gap().foundFile() != null) {
				text.append(", but ").append(plan.gap().foundFile()).append(" starts at ").append(plan.gap().foundFirstLsn());
			}
			text.append('\n');
		}
		if (plan.dataLoss() != null) {
			text.append("Data loss: ").append(plan.dataLoss().description()).append('\n');
		}
		return text.toString();
	}

	private static void list(StringBuilder text, String title, List<String> items) {
		text.append(title).append(": ").append(items.isEmpty() ? "none" : items.size()).append('\n');
		if (items.size() <= LISTED_IN_FULL) {
			items.forEach(item -> text.append("  - ").append(item).append('\n'));
			return;
		}
		items.subList(0, SHOWN_AT_EACH_END).forEach(item -> text.append("  - ").append(item).append('\n'));
		text.append("  ... ").append(items.size() - 2 * SHOWN_AT_EACH_END).append(" more, every one in ")
			.append(FULL_PLAN).append('\n');
		items.subList(items.size() - SHOWN_AT_EACH_END, items.size())
			.forEach(item -> text.append("  - ").append(item).append('\n'));
	}

	private static String nullToDash(String value) {
		return value == null ? "-" : value;
	}

}
