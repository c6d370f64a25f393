package org.pchatfailover.report;

import static org.pchatfailover.report.ReportFormat.duration;
import static org.pchatfailover.report.ReportFormat.text;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.i18n.DataLossStatements;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
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

	private final Messages messages;

	private final ZoneId zone;

	private ReportMarkdown(Messages messages, ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	static String render(FailoverReport report) {
		return render(report, Messages.of(Languages.ENGLISH), Optional.empty());
	}

	/**
	 * The document in the reader's language (headings and labels; values, commands and outcomes as they were), with
	 * every time in the zone the reader asked for, named, or in UTC.
	 */
	static String render(FailoverReport report, Messages messages, Optional<ZoneId> zone) {
		return new ReportMarkdown(messages, zone.orElse(ReportFormat.UTC)).document(report);
	}

	private String time(Instant at) {
		return ReportFormat.time(at, zone);
	}

	private String document(FailoverReport report) {
		md.append("# ").append(t("title")).append(" ").append(cell(text(report.ticketId()))).append(" - ")
			.append(cell(text(report.poolFqdn()))).append("\n\n");
		table(List.of(t("item"), t("value")), List.of(List.of(t("failover"), report.id()),
				List.of(t("state"), report.state().name()),
				List.of(t("requested-by"), text(report.requestedBy())), List.of(t("started-by"), text(report.startedBy())),
				List.of(t("reason"), text(report.reason())), List.of(t("started"), time(report.startedAt())),
				List.of(t("ended"), time(report.endedAt())), List.of(t("duration"), duration(report.durationMillis())),
				List.of(t("report-generated"), time(report.generatedAt()))));
		dataLoss(report.dataLoss());
		if (!report.openIncidents().isEmpty()) {
			md.append("## ").append(t("open-incidents")).append("\n\n");
			table(List.of(t("step"), t("since"), t("message")), report.openIncidents()
				.stream()
				.map(i -> List.of(i.stepId(), time(i.createdAt()), text(i.message())))
				.toList());
		}
		if (!report.retrying().isEmpty()) {
			md.append("## ").append(t("retrying")).append("\n\n");
			table(List.of(t("step"), t("name"), t("next-attempt"), t("next-attempt-at"), t("last-error")), report.retrying()
				.stream()
				.map(r -> List.of(r.stepId(), text(r.name()), ReportFormat.attempt(r.nextAttempt(), r.attempts(), messages),
						time(r.nextAttemptAt()), text(r.lastError())))
				.toList());
		}
		decisions(report.decisions());
		timeline(report.timeline());
		actions(report.timeline());
		return md.toString();
	}

	private void dataLoss(DataLoss loss) {
		md.append("## ").append(t("data-loss-window")).append("\n\n");
		if (loss == null) {
			md.append(t("not-known-yet")).append("\n\n");
			return;
		}
		if (loss.whatIsLost() != null) {
			md.append("**").append(cell(lost(loss.whatIsLost()))).append("**\n\n");
		}
		table(List.of(t("item"), t("value")), List.of(List.of(t("window"), text(lost(loss.description()))),
				List.of(t("last-recoverable-transaction"), time(loss.lastRecoverableAt())),
				List.of(t("lost-until"), time(loss.lostUntil())),
				List.of(t("log-chain-gap"), text(lost(loss.logChainGap()))),
				List.of(t("gap-decision"), text(loss.decision()))));
	}

	private void decisions(List<Decision> decisions) {
		md.append("## ").append(t("decisions")).append("\n\n");
		table(List.of(t("step"), t("user"), t("time"), t("values"), t("comment")), decisions.stream()
			.map(d -> List.of(text(d.stepId()), text(d.user()), time(d.decidedAt()), ReportFormat.values(d.values()),
					text(d.comment())))
			.toList());
	}

	private void timeline(List<Step> steps) {
		md.append("## ").append(t("timeline")).append("\n\n");
		List<List<String>> rows = new ArrayList<>();
		for (Step step : steps) {
			rows.add(List.of(String.valueOf(rows.size() + 1), step.stepId(), text(step.name()),
					time(step.startedAt()), time(step.endedAt()), duration(step.durationMillis()),
					step.outcome().name(), text(step.message())));
		}
		table(List.of("#", t("step"), t("name"), t("started"), t("ended"), t("duration"), t("outcome"), t("message")), rows);
	}

	private void actions(List<Step> steps) {
		md.append("## ").append(t("statements-and-cmdlets")).append("\n\n");
		for (Step step : steps) {
			if (step.actions().isEmpty()) {
				continue;
			}
			md.append("### ").append(cell(step.stepId() + ": " + text(step.name()))).append("\n\n");
			md.append("| ").append(String.join(" | ", t("time"), t("target"), t("kind"), t("command"), t("result"),
					t("status"), t("duration"))).append(" |\n");
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

	/** The data-loss statement and the gap are stored in English (the callback has no reader); the reader's here. */
	private String lost(String statement) {
		return DisplaySentences.translate(DataLossStatements.translate(statement, messages), messages);
	}

	private String t(String key) {
		return messages.text("report." + key);
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
