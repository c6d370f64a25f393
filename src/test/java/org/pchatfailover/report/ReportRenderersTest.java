package org.pchatfailover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.FailoverState;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.report.FailoverReport.DataLoss;
import org.pchatfailover.report.FailoverReport.Decision;
import org.pchatfailover.report.FailoverReport.Incident;
import org.pchatfailover.report.FailoverReport.Outcome;
import org.pchatfailover.report.FailoverReport.Retrying;
import org.pchatfailover.report.FailoverReport.Step;

class ReportRenderersTest {

	private static final Messages ENGLISH = Messages.of(Languages.ENGLISH);

	private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

	private static final String NASTY = "<script>alert('x')</script> | \"quoted\" & `tick` *bold* _under_";

	private static final String CMDLET = "Set-CsPersistentChatActiveServer -ActiveServers @{Replace='a|b'}";

	@Test
	void htmlEscapesEveryValueAndNeedsNothingFromOutside() {
		String html = ReportHtml.render(report());

		assertThat(html).doesNotContain("<script>alert", "'x'", "<link", "src=", "href=");
		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | &quot;quoted&quot; &amp;",
				"@{Replace=&#39;a|b&#39;}", "<td>operator</td>",
				"<td><time datetime=\"2026-11-25T08:00:01Z\">2026-11-25 08:00:01 UTC</time></td>");
		assertThat(html).containsSubsequence("<td>CheckPreconditions</td>", "<td>1.5 s</td>",
				"<td>ApplyLogBackups</td>", "<td>INTERRUPTED</td>", "<td>SetPoolFailedOver</td>", "<td>FAILED</td>",
				"Lync shell unreachable");
		assertThat(html).contains("Open incidents", "Data-loss window", "transactions after 08:15 are lost",
				"<strong>DATA LOSS: missing mgc_&lt;1&gt;.trn. EVERYTHING AFTER IT IS LOST</strong>");
	}

	@Test
	void markdownKeepsEveryValueInsideItsTableCell() {
		String markdown = ReportMarkdown.render(report());

		String decision = markdown.lines().filter(line -> line.startsWith("| ConfirmFailover |")).findFirst().orElseThrow();
		assertThat(decision.split("(?<!\\\\)\\|")).as(decision).hasSize(6);
		assertThat(markdown).contains("**DATA LOSS: missing mgc\\_\\<1\\>.trn. EVERYTHING AFTER IT IS LOST**");
		assertThat(decision).contains("\\<script\\>", "\\| \"quoted\" & \\`tick\\` \\*bold\\* \\_under\\_");
		String action = markdown.lines().filter(line -> line.contains("Set-CsPersistentChatActiveServer"))
			.findFirst().orElseThrow();
		assertThat(action).contains("` Set-CsPersistentChatActiveServer -ActiveServers @{Replace='a\\|b'} `");
		assertThat(action.split("(?<!\\\\)\\|")).as(action).hasSize(8);
		assertThat(markdown).contains("| 2 | CheckPreconditions | Check preconditions | 2026-11-25 08:00:01 UTC | "
				+ "2026-11-25 08:00:02 UTC | 1.5 s | COMPLETED | - |");
	}

	@Test
	void bothSayWhichStepRetriesWhichAttemptComesNextWhenAndWhy() {
		assertThat(ReportHtml.render(report())).contains("<h2>Retrying</h2>", "<td>InstallMirror</td>",
				"<td>Install mirror for the new principal</td><td>2 of 3</td><td><time datetime=\"2026-11-25T08:02:20Z\">"
						+ "2026-11-25 08:02:20 UTC</time></td>"
						+ "<td>cannot connect to SQL Server dal-sql-bk|PCHAT &lt;refused&gt;</td>");
		assertThat(ReportMarkdown.render(report())).contains("## Retrying", "| InstallMirror | Install mirror for the "
				+ "new principal | 2 of 3 | 2026-11-25 08:02:20 UTC | cannot connect to SQL Server dal-sql-bk\\|PCHAT "
				+ "\\<refused\\> |");
	}

	@Test
	void writesTimesInTheZoneTheReaderAskedForWithTheZoneNamed() {
		ZoneId chicago = ZoneId.of("America/Chicago");
		String html = ReportHtml.render(report(), ENGLISH, Optional.of(chicago));
		assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\" data-zone=\"America/Chicago\">")
			.contains("<td><time datetime=\"2026-11-25T08:00:01Z\">2026-11-25 02:00:01 CST (America/Chicago)</time></td>")
			.doesNotContain(" UTC</time>");
		assertThat(ReportMarkdown.render(report(), ENGLISH, Optional.of(ZoneId.of("Europe/Berlin"))))
			.contains("| Started | 2026-11-25 09:00:00 CET (Europe/Berlin) |").doesNotContain(" UTC |");
		assertThat(ReportMarkdown.render(report(), ENGLISH, Optional.of(ZoneId.of("UTC")))).contains("| Started | 2026-11-25 08:00:00 UTC |");
	}

	@Test
	void speaksTheReadersLanguageWithTimesInTheReadersZone() {
		Messages german = Messages.of(Languages.GERMAN);
		String html = ReportHtml.render(report(), german, Optional.of(ZoneId.of("Europe/Berlin")));
		assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"de\" data-zone=\"Europe/Berlin\">")
			.contains("<h2>Wird wiederholt</h2>", "<th>Nächster Versuch</th>", "<th>Zeitpunkt des nächsten Versuchs</th>",
					"<th>Letzter Fehler</th>", "<td>2 von 3</td>",
					"<time datetime=\"2026-11-25T08:02:20Z\">2026-11-25 09:02:20 CET (Europe/Berlin)</time>");
		Messages chinese = Messages.of(Languages.SIMPLIFIED_CHINESE);
		assertThat(ReportMarkdown.render(report(), chinese, Optional.empty())).contains("## 正在重试",
				"| 步骤 | 名称 | 下一次尝试 | 下一次尝试时间 | 最近一次错误 |", "| 第 2 次，共 3 次 | 2026-11-25 08:02:20 UTC |");
		for (Locale language : Languages.SUPPORTED) {
			Messages messages = Messages.of(language);
			assertThat(ReportMarkdown.render(report(), messages, Optional.empty())).as(language.toLanguageTag())
				.contains("## " + messages.text("report.retrying"))
				.contains("| InstallMirror | Install mirror for the new principal | "
						+ ReportFormat.attempt(2, 3, messages) + " |");
			assertThat(ReportFormat.attempt(2, 3, messages)).contains("2", "3").doesNotContain("{");
		}
	}

	@Test
	void runsOnlyItsOwnScriptToShowTimesInTheBrowsersZone() throws Exception {
		String html = ReportHtml.render(report());
		assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\"><head>");
		String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.indexOf("</script>"));
		assertThat(script).contains("Intl.DateTimeFormat", "timeZoneName: 'short'", "time[datetime]");
		String hash = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
		assertThat(ReportHtml.CONTENT_SECURITY_POLICY).contains("script-src 'sha256-" + hash + "'")
			.startsWith("default-src 'none'");
		assertThat(html.split("<script", -1)).hasSize(2);
	}

	@Test
	void acceptsOnlyIanaRegionsAsTheReadersZone() {
		assertThat(ReportZone.of(null)).isEmpty();
		assertThat(ReportZone.of("America/Chicago")).contains(ZoneId.of("America/Chicago"));
		assertThat(ReportZone.of("UTC")).contains(ZoneId.of("UTC"));
		for (String notARegion : List.of("Mars/Olympus_Mons", "CST", "+05:00", "GMT+1", "", "x".repeat(500))) {
			assertThatThrownBy(() -> ReportZone.of(notARegion)).as(notARegion)
				.isInstanceOf(ReportZone.UnknownZoneException.class)
				.hasMessageContaining("is not a time zone of the IANA database");
		}
	}

	@Test
	void markdownCodeSpansOutgrowTheBackticksOfTheCommand() {
		assertThat(ReportMarkdown.code("Write-Host `\"a``b`\"")).isEqualTo("``` Write-Host `\"a``b`\" ```");
		assertThat(ReportMarkdown.code("line one\r\n  line two")).isEqualTo("` line one line two `");
	}

	@Test
	void durationsReadLikeAnOperatorSaysThem() {
		assertThat(ReportFormat.duration(null)).isEqualTo("-");
		assertThat(ReportFormat.duration(0L)).isEqualTo("0 ms");
		assertThat(ReportFormat.duration(999L)).isEqualTo("999 ms");
		assertThat(ReportFormat.duration(1_000L)).isEqualTo("1.0 s");
		assertThat(ReportFormat.duration(59_999L)).isEqualTo("59.9 s");
		assertThat(ReportFormat.duration(60_000L)).isEqualTo("1 min 00 s");
		assertThat(ReportFormat.duration(245_000L)).isEqualTo("4 min 05 s");
		assertThat(ReportFormat.duration(3_600_000L + 3 * 60_000L + 59_000L)).isEqualTo("1 h 03 min");
	}

	@Test
	void aFailoverBeforeItsPlanSaysTheWindowIsNotKnownYet() {
		FailoverReport early = new FailoverReport("p-1", "INC-1", "atl-cs-001.litwareinc.com", null, null, null,
				FailoverState.RUNNING, T0, null, 900, List.of(), List.of(), null, List.of(), List.of(), T0.plusSeconds(1));

		assertThat(ReportHtml.render(early)).contains("Not known yet");
		assertThat(ReportMarkdown.render(early)).contains("Not known yet", "| Requested by | - |");
	}

	static FailoverReport report() {
		List<Step> timeline = List.of(
				new Step("FailoverRequested", "Failover requested", "startEvent", T0, T0, 0L, Outcome.COMPLETED, null,
						List.of()),
				new Step("CheckPreconditions", "Check preconditions", "serviceTask", T0.plusSeconds(1),
						T0.plusSeconds(2), 1_500L, Outcome.COMPLETED, null,
						List.of(new ActionLog.Action(T0.plusSeconds(1), "dal-sql-bk\\PCHAT", "sql",
								"SELECT state_desc FROM sys.databases WHERE name = @P0 [@P0 = N'mgc']", "RESTORING",
								true, 3))),
				new Step("ApplyLogBackups", "Apply log backups", "serviceTask", T0.plusSeconds(3), T0.plusSeconds(4),
						1_000L, Outcome.INTERRUPTED, "Log chain broken", List.of()),
				new Step("SetPoolFailedOver", "Set pool state FailedOver", "failedJob", T0.plusSeconds(70), null,
						null, Outcome.FAILED, "Lync shell unreachable <timeout>",
						List.of(new ActionLog.Action(T0.plusSeconds(70), "ssh lab@127.0.0.1:2222", "cmdlet", CMDLET,
								"ActiveServers set", false, 1_200))));
		List<Decision> decisions = List.of(new Decision("ConfirmFailover", "Confirm failover", "operator",
				T0.plusSeconds(2), Map.of("failoverApproved", "true"), NASTY));
		return new FailoverReport("p-1", "INC-4711", "atl-cs-001.litwareinc.com", "j.doe", "ticketing",
				"Atlanta lost", FailoverState.INCIDENT, T0, null, 75_000, timeline, decisions,
				new DataLoss("DATA LOSS: missing mgc_<1>.trn. EVERYTHING AFTER IT IS LOST", T0.plusSeconds(900),
						T0.plusSeconds(2_700), "transactions after 08:15 are lost",
						"gap at LSN 42", "RECOVER_WITH_DATA_LOSS"),
				List.of(new Incident("SetPoolFailedOver", T0.plusSeconds(70), "Lync shell unreachable <timeout>")),
				List.of(new Retrying("InstallMirror", "Install mirror for the new principal", 2, 3,
						"cannot connect to SQL Server dal-sql-bk|PCHAT <refused>", T0.plusSeconds(140))),
				T0.plusSeconds(80));
	}

}
