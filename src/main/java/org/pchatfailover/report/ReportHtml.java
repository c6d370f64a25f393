package org.pchatfailover.report;

import static org.pchatfailover.report.ReportFormat.duration;
import static org.pchatfailover.report.ReportFormat.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.i18n.DataLossStatements;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.report.FailoverReport.DataLoss;
import org.pchatfailover.report.FailoverReport.Decision;
import org.pchatfailover.report.FailoverReport.Incident;
import org.pchatfailover.report.FailoverReport.Retrying;
import org.pchatfailover.report.FailoverReport.Step;
import org.springframework.web.util.HtmlUtils;

/**
 * The report as one self-contained page an operator prints for the post-mortem: no external scripts, styles or
 * fonts (the page must print from an isolated admin host). Every value is escaped: commands, outcomes and comments
 * contain {@code <}, quotes and ampersands. Times are {@code <time>} elements written in UTC (or the zone asked for
 * with {@code ?tz=}); one inline script, allowed by its hash, rewrites them in the browser's own zone, named.
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
	 * Shows each time in the reader's zone, named (Intl.DateTimeFormat with timeZoneName 'short', plus the zone's id):
	 * unless the page was asked for a zone ({@code data-zone} on the root), or the browser cannot format one.
	 */
	private static final String LOCAL_TIMES = """
			(function () {
			  if (document.documentElement.hasAttribute('data-zone')) return;
			  var format, zone;
			  try {
			    format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit',
			      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
			    zone = format.resolvedOptions().timeZone;
			  } catch (e) { return; }
			  document.querySelectorAll('time[datetime]').forEach(function (t) {
			    var at = new Date(t.getAttribute('datetime'));
			    if (isNaN(at.getTime())) return;
			    t.title = t.textContent;
			    t.textContent = format.format(at) + (zone ? ' (' + zone + ')' : '');
			  });
			})();
			""";

	/**
	 * What the page may run and load: its own style element and its own script, named by their hashes, so a value
	 * that slipped past the escaping still runs no script, loads nothing and posts nowhere.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; script-src '"
			+ sha256(LOCAL_TIMES) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private static final DateTimeFormatter MACHINE_TIME = DateTimeFormatter.ISO_INSTANT;

	private final StringBuilder html = new StringBuilder();

	private final Messages messages;

	private final ZoneId zone;

	/** Whether the reader chose the zone: the browser's script then leaves the times as they are. */
	private final boolean zoneAsked;

	private ReportHtml(Messages messages, ZoneId zone, boolean zoneAsked) {
		this.messages = messages;
		this.zone = zone;
		this.zoneAsked = zoneAsked;
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
		return render(report, Messages.of(Languages.ENGLISH), Optional.empty());
	}

	/**
	 * The page in the reader's language (headings and labels; values, commands and outcomes as they were), with its
	 * times in the zone the reader asked for, named, which the browser then leaves alone; without one, in UTC, which
	 * the browser rewrites in its own zone.
	 */
	static String render(FailoverReport report, Messages messages, Optional<ZoneId> zone) {
		return new ReportHtml(messages, zone.orElse(ReportFormat.UTC), zone.isPresent()).page(report);
	}

	private String page(FailoverReport report) {
		String title = t("title") + " " + text(report.ticketId()) + " - " + text(report.poolFqdn());
		html.append("<!DOCTYPE html>\n<html lang=\"")
			.append(Languages.tag(messages.locale()))
			.append('"')
			.append(zoneAsked ? " data-zone=\"" + escape(zone.getId()) + "\"" : "")
			.append("><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append("</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n<h1>")
			.append(escape(title))
			.append("</h1>\n");
		summary(report);
		dataLoss(report.dataLoss());
		incidents(report.openIncidents());
		retrying(report.retrying());
		decisions(report.decisions());
		timeline(report.timeline());
		actions(report.timeline());
		html.append("<script>").append(LOCAL_TIMES).append("</script>\n</body></html>\n");
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
		row(t("started"), report.startedAt());
		row(t("ended"), report.endedAt());
		row(t("duration"), duration(report.durationMillis()));
		row(t("report-generated"), report.generatedAt());
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
		row(t("last-recoverable-transaction"), loss.lastRecoverableAt());
		row(t("lost-until"), loss.lostUntil());
		row(t("log-chain-gap"), lost(loss.logChainGap()));
		row(t("gap-decision"), loss.decision());
		html.append("</table>\n");
	}

	private void incidents(List<Incident> incidents) {
		if (incidents.isEmpty()) {
			return;
		}
		html.append("<h2>").append(escape(t("open-incidents"))).append("</h2>\n<table>\n");
		header(t("step"), t("since"), t("message"));
		incidents.forEach(i -> cells(i.stepId(), i.createdAt(), i.message()));
		html.append("</table>\n");
	}

	private void retrying(List<Retrying> retrying) {
		if (retrying.isEmpty()) {
			return;
		}
		html.append("<h2>").append(escape(t("retrying"))).append("</h2>\n<table>\n");
		header(t("step"), t("name"), t("next-attempt"), t("next-attempt-at"), t("last-error"));
		retrying.forEach(r -> cells(r.stepId(), r.name(), attempt(r), r.nextAttemptAt(), r.lastError()));
		html.append("</table>\n");
	}

	private void decisions(List<Decision> decisions) {
		html.append("<h2>").append(escape(t("decisions"))).append("</h2>\n<table>\n");
		header(t("step"), t("user"), t("time"), t("values"), t("comment"));
		decisions.forEach(d -> cells(d.stepId(), d.user(), d.decidedAt(), ReportFormat.values(d.values()),
				d.comment()));
		html.append("</table>\n");
	}

	private void timeline(List<Step> steps) {
		html.append("<h2>").append(escape(t("timeline"))).append("</h2>\n<table>\n");
		header("#", t("step"), t("name"), t("started"), t("ended"), t("duration"), t("outcome"), t("message"));
		int number = 1;
		for (Step step : steps) {
			html.append("<tr class=\"").append(step.outcome()).append("\">");
			for (Object cell : new Object[] { String.valueOf(number++), step.stepId(), step.name(), step.startedAt(),
					step.endedAt(), duration(step.durationMillis()), step.outcome().name(), step.message() }) {
				html.append("<td>").append(cell(cell)).append("</td>");
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
				html.append("<tr><td>").append(time(action.at())).append("</td><td>")
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

	/** The data-loss statement and the gap are stored in English (the callback has no reader); the reader's here. */
	private String lost(String statement) {
		return DisplaySentences.translate(DataLossStatements.translate(statement, messages), messages);
	}

	private String attempt(Retrying retrying) {
		return ReportFormat.attempt(retrying.nextAttempt(), retrying.attempts(), messages);
	}

	private String t(String key) {
		return messages.text("report." + key);
	}

	private void row(String label, Object value) {
		html.append("<tr><th>").append(escape(label)).append("</th><td>").append(cell(value)).append("</td></tr>\n");
	}

	private void header(String... labels) {
		html.append("<tr>");
		for (String label : labels) {
			html.append("<th>").append(escape(label)).append("</th>");
		}
		html.append("</tr>\n");
	}

	/** A row of cells: an {@link Instant} as a {@code <time>}, anything else as escaped text. */
	private void cells(Object... values) {
		html.append("<tr>");
		for (Object value : values) {
			html.append("<td>").append(cell(value)).append("</td>");
		}
		html.append("</tr>\n");
	}

	private String cell(Object value) {
		return value instanceof Instant at ? time(at) : escape(text(value == null ? null : value.toString()));
	}

	/** The instant for machines (UTC, ISO 8601) and in words in the page's zone, the zone named. */
	private String time(Instant at) {
		if (at == null) {
			return escape(ReportFormat.NONE);
		}
		return "<time datetime=\"" + MACHINE_TIME.format(at) + "\">" + escape(ReportFormat.time(at, zone)) + "</time>";
	}

	// UTF-8: only the markup characters become references, so "Relatório" and "故障转移报告" stay readable in the source
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
