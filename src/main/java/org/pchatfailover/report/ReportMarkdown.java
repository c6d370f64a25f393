package org.pchatfailover.report;

import static org.pchatfailover.report.ReportFormat.duration;
import static org.pchatfailover.report.ReportFormat.text;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.report.FailoverReport.DataLoss;
import org.pchatfailover.report.FailoverReport.Decision;
import org.pchatfailover.report.FailoverReport.Step;

/**
 * The report as Markdown (GitHub flavour) to paste into the ticket. Values go into table cells: pipes,
 * line breaks and Markdown characters are escaped so a comment or a cmdlet cannot break the table or turn into
 * markup; commands are code spans.
 */
final class ReportMarkdown {

	private static final Pattern MARKDOWN_CHARACTERS = Pattern.compile("[\\\\`*_{}\\[\\]<>#|~!]");

	private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

	private final StringBuilder md = new StringBuilder();

	private final ZoneId zone;

	private ReportMarkdown(ZoneId zone) {
		this.zone = zone;
	}

	static String render(FailoverReport report) {
		return render(report, ReportFormat.UTC);
	}

	/** With every time in {@code zone}, named. */
	static String render(FailoverReport report, ZoneId zone) {
		return new ReportMarkdown(zone).document(report);
	}

	private String time(Instant at) {
		return ReportFormat.time(at, zone);
	}

	private String document(FailoverReport report) {
		md.append("# Failover report ").append(cell(text(report.ticketId()))).append(" - ")
			.append(cell(text(report.poolFqdn()))).append("\n\n");
		table(List.of("Item", "Value"), List.of(List.of("Failover", report.id()), List.of("State", report.state().name()),
				List.of("Requested by", text(report.requestedBy())), List.of("Started by", text(report.startedBy())),
				List.of("Reason", text(report.reason())), List.of("Started", time(report.startedAt())),
				List.of("Ended", time(report.endedAt())), List.of("Duration", duration(report.durationMillis())),
				List.of("Report generated", time(report.generatedAt()))));
		dataLoss(report.dataLoss());
		if (!report.openIncidents().isEmpty()) {
			md.append("## Open incidents\n\n");
			table(List.of("Step", "Since", "Message"), report.openIncidents()
				.stream()
				.map(i -> List.of(i.stepId(), time(i.createdAt()), text(i.message())))
				.toList());
		}
		if (!report.retrying().isEmpty()) {
			md.append("## Retrying\n\n");
			table(List.of("Step", "Name", "Next attempt", "Next attempt at", "Last error"), report.retrying()
				.stream()
				.map(r -> List.of(r.stepId(), text(r.name()), ReportFormat.attempt(r.nextAttempt(), r.attempts()),
						time(r.nextAttemptAt()), text(r.lastError())))
				.toList());
		}
		decisions(report.decisions());
		timeline(report.timeline());
		actions(report.timeline());
		return md.toString();
	}

	private void dataLoss(DataLoss loss) {
		md.append("## Data-loss window\n\n");
		if (loss == null) {
			md.append("Not known yet: the plan has not been made.\n\n");
			return;
		}
		if (loss.whatIsLost() != null) {
			md.append("**").append(cell(loss.whatIsLost())).append("**\n\n");
		}
		table(List.of("Item", "Value"), List.of(List.of("Window", text(loss.description())),
				List.of("Last recoverable transaction", time(loss.lastRecoverableAt())),
				List.of("Lost until", time(loss.lostUntil())), List.of("Log chain gap", text(loss.logChainGap())),
				List.of("Operator's decision on the gap", text(loss.decision()))));
	}

	private void decisions(List<Decision> decisions) {
		md.append("## Decisions\n\n");
		table(List.of("Step", "User", "Time", "Values", "Comment"), decisions.stream()
			.map(d -> List.of(text(d.stepId()), text(d.user()), time(d.decidedAt()), ReportFormat.values(d.values()),
					text(d.comment())))
			.toList());
	}

	private void timeline(List<Step> steps) {
		md.append("## Timeline\n\n");
		List<List<String>> rows = new ArrayList<>();
		for (Step step : steps) {
			rows.add(List.of(String.valueOf(rows.size() + 1), step.stepId(), text(step.name()),
					time(step.startedAt()), time(step.endedAt()), duration(step.durationMillis()),
					step.outcome().name(), text(step.message())));
		}
		table(List.of("#", "Step", "Name", "Started", "Ended", "Duration", "Outcome", "Message"), rows);
	}

	private void actions(List<Step> steps) {
		md.append("## Statements and cmdlets\n\n");
		for (Step step : steps) {
			if (step.actions().isEmpty()) {
				continue;
			}
			md.append("### ").append(cell(step.stepId() + ": " + text(step.name()))).append("\n\n");
			md.append("| Time | Target | Kind | Command | Result | Status | Duration |\n");
			md.append("|---|---|---|---|---|---|---|\n");
			for (ActionLog.Action action : step.actions()) {
				md.append("| ").append(cell(time(action.at()))).append(" | ").append(cell(text(action.target())))
					.append(" | ").append(cell(text(action.kind()))).append(" | ").append(code(text(action.command())))
					.append(" | ").append(cell(text(action.outcome()))).append(" | ")
					.append(ReportFormat.succeeded(action.succeeded())).append(" | ")
					.append(cell(duration(action.durationMillis()))).append(" |\n");
			}
			md.append('\n');
		}
	}

	private void table(List<String> headers, List<List<String>> rows) {
		md.append('|');
		headers.forEach(h -> md.append(' ').append(cell(h)).append(" |"));
		md.append("\n|");
		headers.forEach(h -> md.append("---|"));
		md.append('\n');
		for (List<String> row : rows) {
			md.append('|');
			row.forEach(value -> md.append(' ').append(cell(text(value))).append(" |"));
			md.append('\n');
		}
		md.append('\n');
	}

	/** Text in a table cell: one line, Markdown characters escaped. */
	static String cell(String text) {
		String oneLine = text.replaceAll("\\s*\\R\\s*", " ");
		return MARKDOWN_CHARACTERS.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
	}

	/**
	 * A command as a code span in a table cell: fenced with more backticks than it contains (PowerShell escapes
	 * with backticks), pipes escaped because GitHub splits table cells on them even inside code spans.
	 */
	static String code(String text) {
		String oneLine = text.replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
		int longestRun = BACKTICK_RUN.matcher(oneLine).results().mapToInt(m -> m.group().length()).max().orElse(0);
		String fence = "`".repeat(longestRun + 1);
		return fence + " " + oneLine + " " + fence;
	}

}
