package org.pchatfailover.report;

import static org.pchatfailover.report.ReportFormat.duration;
import static org.pchatfailover.report.ReportFormat.text;
import static org.pchatfailover.report.ReportFormat.time;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.i18n.DataLossStatements;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.report.FailoverReport.DataLoss;
import org.pchatfailover.report.FailoverReport.Decision;
import org.pchatfailover.report.FailoverReport.Incident;
import org.pchatfailover.report.FailoverReport.Step;
import org.springframework.web.util.HtmlUtils;

/**
 * The report as one self-contained page an operator prints for the post-mortem: no scripts, no external
 * styles or fonts (the page must print from an isolated admin host). Every value is escaped: commands, outcomes
 * and comments contain {@code <}, quotes and ampersands.
 */
final class ReportHtml {

	private static final String STYLE = """
			body{font:14px/1.4 sans-serif;margin:2em;color:#111}
			table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
			th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
			th{background:#eee}
			code{font:12px monospace;white-space:pre-wrap;word-break:break-all}
			.FAILED,.CANCELED,.INTERRUPTED{color:#a00;font-weight:bold}
			@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
			""";

	/**
	 * What the page may load: nothing but its own style element, named by its hash, so a value that slipped past
	 * the escaping still runs no script, loads nothing and posts nowhere.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
			+ "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final StringBuilder html = new StringBuilder();

	private final Messages messages;

	private ReportHtml(Messages messages) {
		this.messages = messages;
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	static String render(FailoverReport report) {
		return render(report, Messages.of(Languages.ENGLISH));
	}

	/** The page in the reader's language: headings and labels; values, commands and outcomes as they were. */
	static String render(FailoverReport report, Messages messages) {
		return new ReportHtml(messages).page(report);
	}

	private String page(FailoverReport report) {
		String title = t("title") + " " + text(report.ticketId()) + " - " + text(report.poolFqdn());
		html.append("<!DOCTYPE html>\n<html lang=\"")
			.append(Languages.tag(messages.locale()))
			.append("\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append("</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n<h1>")
			.append(escape(title))
			.append("</h1>\n");
		summary(report);
		dataLoss(report.dataLoss());
		incidents(report.openIncidents());
		decisions(report.decisions());
		timeline(report.timeline());
		actions(report.timeline());
		html.append("</body></html>\n");
		return html.toString();
	}

	private void summary(FailoverReport report) {
		html.append("<table>\n");
		row(t("failover"), report.id());
		row(t("ticket"), report.ticketId());
		row(t("pool"), report.poolFqdn());
		row(t("state"), report.state().name());
		row(t("requested-by"), report.requestedBy());
		row(t("started-by"), report.startedBy());
		row(t("reason"), report.reason());
		row(t("started"), time(report.startedAt()));
		row(t("ended"), time(report.endedAt()));
		row(t("duration"), duration(report.durationMillis()));
		row(t("report-generated"), time(report.generatedAt()));
		html.append("</table>\n");
	}

	private void dataLoss(DataLoss loss) {
		html.append("<h2>").append(escape(t("data-loss-window"))).append("</h2>\n");
		if (loss == null) {
			html.append("<p>").append(escape(t("not-known-yet"))).append("</p>\n");
			return;
		}
		if (loss.whatIsLost() != null) {
			html.append("<p class=\"loss\"><strong>").append(escape(lost(loss.whatIsLost()))).append("</strong></p>\n");
		}
		html.append("<table>\n");
		row(t("window"), lost(loss.description()));
		row(t("last-recoverable-transaction"), time(loss.lastRecoverableAt()));
		row(t("lost-until"), time(loss.lostUntil()));
		row(t("log-chain-gap"), loss.logChainGap());
		row(t("gap-decision"), loss.decision());
		html.append("</table>\n");
	}

	private void incidents(List<Incident> incidents) {
		if (incidents.isEmpty()) {
			return;
		}
		html.append("<h2>").append(escape(t("open-incidents"))).append("</h2>\n<table>\n");
		header(t("step"), t("since"), t("message"));
		incidents.forEach(i -> cells(i.stepId(), time(i.createdAt()), i.message()));
		html.append("</table>\n");
	}

	private void decisions(List<Decision> decisions) {
		html.append("<h2>").append(escape(t("decisions"))).append("</h2>\n<table>\n");
		header(t("step"), t("user"), t("time"), t("values"), t("comment"));
		decisions.forEach(d -> cells(d.stepId(), d.user(), time(d.decidedAt()), ReportFormat.values(d.values()),
				d.comment()));
		html.append("</table>\n");
	}

	private void timeline(List<Step> steps) {
		html.append("<h2>").append(escape(t("timeline"))).append("</h2>\n<table>\n");
		header("#", t("step"), t("name"), t("started"), t("ended"), t("duration"), t("outcome"), t("message"));
		int number = 1;
		for (Step step : steps) {
			html.append("<tr class=\"").append(step.outcome()).append("\">");
			for (String cell : List.of(String.valueOf(number++), step.stepId(), text(step.name()),
					time(step.startedAt()), time(step.endedAt()), duration(step.durationMillis()),
					step.outcome().name(), text(step.message()))) {
				html.append("<td>").append(escape(cell)).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</table>\n");
	}

	private void actions(List<Step> steps) {
		html.append("<h2>").append(escape(t("statements-and-cmdlets"))).append("</h2>\n");
		for (Step step : steps) {
			if (step.actions().isEmpty()) {
				continue;
			}
			html.append("<h3>").append(escape(step.stepId() + ": " + text(step.name()))).append("</h3>\n<table>\n");
			header(t("time"), t("target"), t("kind"), t("command"), t("result"), t("status"), t("duration"));
			for (ActionLog.Action action : step.actions()) {
				html.append("<tr><td>").append(escape(time(action.at()))).append("</td><td>")
					.append(escape(text(action.target()))).append("</td><td>")
					.append(escape(text(action.kind()))).append("</td><td><code>")
					.append(escape(text(action.command()))).append("</code></td><td>")
					.append(escape(text(action.outcome()))).append("</td><td class=\"")
					.append(action.succeeded() ? "" : "FAILED").append("\">")
					.append(ReportFormat.succeeded(action.succeeded())).append("</td><td>")
					.append(escape(duration(action.durationMillis()))).append("</td></tr>\n");
			}
			html.append("</table>\n");
		}
	}

	/** The data-loss statement is stored in English (the callback has no reader); the reader gets it in theirs. */
	private String lost(String statement) {
		return DataLossStatements.translate(statement, messages);
	}

	private String t(String key) {
		return messages.text("report." + key);
	}

	private void row(String label, String value) {
		html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(text(value)))
			.append("</td></tr>\n");
	}

	private void header(String... labels) {
		html.append("<tr>");
		for (String label : labels) {
			html.append("<th>").append(escape(label)).append("</th>");
		}
		html.append("</tr>\n");
	}

	private void cells(String... values) {
		html.append("<tr>");
		for (String value : values) {
			html.append("<td>").append(escape(text(value))).append("</td>");
		}
		html.append("</tr>\n");
	}

	// UTF-8: only the markup characters become references, so "Relatório" and "故障转移报告" stay readable in the source
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
