package org.pchatfailover.failover;

import java.util.List;

import org.pchatfailover.sqlserver.FailoverPlan;

/** The plan in the words an operator reads before approving: what will be copied, applied and lost. */
final class PlanSummary {

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
		items.forEach(item -> text.append("  - ").append(item).append('\n'));
	}

	private static String nullToDash(String value) {
		return value == null ? "-" : value;
	}

}
