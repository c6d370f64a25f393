package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.i18n.DataLossStatements;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.lab.sql.LabSqlSnapshot;
import org.pchatfailover.topology.Secrets;

/** Runbook steps 1 and 3 against the lab SQL Server over TCP: plan, remove log shipping, apply logs. */
class LogShippingServiceIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	final LogShippingService logShipping = new LogShippingService(adapter, new BackupShareAdapter());

	final ActionLog actions = new ActionLog();

	@Test
	void plansThreeLogsToApplyWhenTheChainIsIntact() {
		sql = lab.start("normal");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		assertThat(plan.databaseState()).isEqualTo("RESTORING");
		assertThat(plan.backupSourceDirectory()).isEqualTo(LabSqlFixture.SHARE_UNC);
		assertThat(plan.backupDestinationDirectory()).isEqualTo(LabSqlFixture.COPY_UNC);
		assertThat(plan.lastRestoredFile()).endsWith(plan.logsAlreadyApplied().get(4).fileName());
		assertThat(plan.logsAlreadyApplied()).hasSize(5);
		assertThat(plan.logsToApply()).hasSize(3);
		assertThat(plan.logsToApply().get(0).firstLsn()).isEqualTo(plan.redoStartLsn());
		assertThat(plan.filesToCopy()).isEmpty();
		assertThat(plan.gap()).isNull();
		assertThat(plan.dataLoss().lostUntil()).isNull();
		assertThat(actions.actions()).noneMatch(a -> a.command().contains("password"));
	}

	/** BackupFinishDate is the server's local time: the window must not move with the server's or JVM's zone. */
	@ParameterizedTest
	@CsvSource({ "America/Chicago, Asia/Tokyo", "Asia/Kolkata, America/Chicago", "America/Chicago, UTC" })
	void plansTheDataLossWindowInUtcWhateverTheServerAndJvmZones(String serverZone, String jvmZone) {
		sql = lab.start("normal", ZoneId.of(serverZone));
		TimeZone jvm = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
			FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
			FailoverPlan.LogBackup last = plan.logsToApply().get(plan.logsToApply().size() - 1);
			// log shipping stamps the file name with the backup's UTC start; the lab's backups take 2 s
			String stamp = last.fileName().replaceAll(".*_(\\d{14})\\.trn$", "$1");
			Instant started = LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
				.toInstant(ZoneOffset.UTC);
			assertThat(plan.dataLoss().lastRecoverableAt()).isEqualTo(started.plus(Duration.ofSeconds(2)));
		}
		finally {
			TimeZone.setDefault(jvm);
		}
	}

	@Test
	void refusesToApplyLogsToAStandbySecondaryNamingTheRestoreMode() {
		sql = lab.start("standby");
		assertThatThrownBy(() -> logShipping.applyPendingLogs(sql.pool(), actions))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("mgc on dal-sql-bk.litwareinc.com\\PCHAT is in STANDBY")
			.hasMessageContaining("WITH NORECOVERY");
		assertThat(sql.lab().state().restoreHistory()).hasSize(5);
		assertThat(sql.lab().state().database("mgc").standby()).isTrue();
		assertThat(actions.actions()).anyMatch(a -> !a.succeeded() && a.outcome().contains("STANDBY"));
	}

	@Test
	void plansTheFilesStillOnTheShareWhenTheCopyJobStopped() {
		sql = lab.start("uncopied-files");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		assertThat(plan.filesToCopy()).hasSize(2);
		assertThat(plan.logsToApply()).hasSize(3);
		assertThat(plan.gap()).isNull();
	}

	@Test
	void plansTheGapAndTheDataLossWhenALogBackupIsMissing() {
		sql = lab.start("broken-chain");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		assertThat(plan.logsToApply()).hasSize(1);
		assertThat(plan.gap()).isNotNull();
		assertThat(plan.gap().expectedFirstLsn()).isEqualTo(plan.logsToApply().get(0).lastLsn());
		assertThat(plan.dataLoss().lostUntil()).isAfter(plan.dataLoss().lastRecoverableAt());
	}

	@Test
	void removesLogShippingOnceAndSkipsWhenAlreadyRemoved() {
		sql = lab.start("normal");
		logShipping.removeSecondary(sql.pool(), actions);
		assertThat(sql.lab().state().logShipping()).isEmpty();
		// "must be run from the master database on the secondary server"
		assertThat(actions.actions()).extracting(ActionLog.Action::command).containsSubsequence("USE master",
				"EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = @P0 [@P0 = N'mgc']");
		ActionLog rerun = new ActionLog();
		logShipping.removeSecondary(sql.pool(), rerun);
		assertThat(rerun.actions()).noneMatch(a -> a.command().contains("sp_delete_log_shipping"));
		assertThat(rerun.actions()).anyMatch(a -> a.outcome().contains("already removed"));
	}

	@Test
	void appliesPendingLogsInLsnOrderAfterRemovalAndNothingOnReRun() throws Exception {
		sql = lab.start("normal");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		logShipping.removeSecondary(sql.pool(), actions);
		assertThat(logShipping.applyPendingLogs(sql.pool(), actions))
			.containsExactlyElementsOf(plan.logsToApply().stream().map(FailoverPlan.LogBackup::fileName).toList());
		LabSqlSnapshot state = sql.lab().state();
		assertThat(state.database("mgc").state()).isEqualTo("RESTORING");
		assertThat(state.database("mgc").redoStartLsn()).isEqualTo(plan.logsToApply().get(2).lastLsn());
		assertThat(state.restoreHistory()).hasSize(8);
		sql.restart();
		assertThat(logShipping.applyPendingLogs(sql.pool(), new ActionLog())).isEmpty();
		assertThat(sql.lab().state().restoreHistory()).hasSize(8);
	}

	@Test
	void copiesLogsStillOnTheShareWhileRestoringThePreviousOne() throws Exception {
		sql = lab.start("uncopied-files");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		ActionLog applying = new ActionLog();
		assertThat(logShipping.applyPendingLogs(sql.pool(), applying)).hasSize(3);
		for (String name : plan.filesToCopy()) {
			assertThat(sql.copy().resolve(name)).hasSameBinaryContentAs(sql.share().resolve(name));
		}
		assertThat(sql.lab().state().restoreHistory()).hasSize(8)
			.allSatisfy(r -> assertThat(r.file()).startsWith(LabSqlFixture.COPY_UNC));
		assertThat(applying.actions()).filteredOn(a -> a.command().startsWith("copy ")).hasSize(2);
		// each header is read from the copy, not across the WAN from the share, and the restores do not wait for
		// the last copy
		List<String> commands = applying.actions().stream().map(a -> a.command()).toList();
		assertThat(commands).filteredOn(c -> c.startsWith("RESTORE HEADERONLY"))
			.noneMatch(c -> c.contains(LabSqlFixture.SHARE_UNC))
			.anyMatch(c -> c.contains(LabSqlFixture.COPY_UNC + "\\" + plan.filesToCopy().get(1)));
		int firstRestore = commands.indexOf(commands.stream().filter(c -> c.startsWith("RESTORE LOG")).findFirst()
			.orElseThrow());
		assertThat(firstRestore).isLessThan(commands.lastIndexOf(commands.stream()
			.filter(c -> c.startsWith("copy ")).reduce((a, b) -> b).orElseThrow()));
	}

	@Test
	void appliesUpToTheGapThenReportsItWithTheLostWindow() {
		sql = lab.start("broken-chain");
		assertThatThrownBy(() -> logShipping.applyPendingLogs(sql.pool(), actions))
			.isInstanceOfSatisfying(LogChainBrokenException.class, ex -> {
				assertThat(ex.gap().foundFile()).isNotNull();
				assertThat(ex.getMessage()).isEqualTo("log chain of mgc on dal-sql-bk.litwareinc.com\\PCHAT is broken: "
						+ "the next log backup must start at or before LSN " + ex.gap().expectedFirstLsn() + ", but "
						+ ex.gap().foundFile() + " starts at " + ex.gap().foundFirstLsn() + "; " + ex.dataLoss());
				saysTheGapInEveryLanguage(ex);
			});
		assertThat(sql.lab().state().restoreHistory()).hasSize(6);
	}

	@Test
	void plansTheDataLossWindowFromTheNewestLogBackupWhenTheBackupJobStoppedHoursAgo() {
		sql = lab.start("stale-logs");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		assertThat(plan.gap()).isNull();
		assertThat(plan.logsToApply()).hasSize(3);
		// the lab's backups take 2 s: the newest one started three hours before the reset
		assertThat(plan.dataLoss().lastRecoverableAt()).isBefore(Instant.now().minus(Duration.ofHours(3)).plusSeconds(3))
			.isAfter(Instant.now().minus(Duration.ofHours(3)).minus(Duration.ofMinutes(5)));
	}

	@Test
	void refusesToCopyOrApplyWhenThePendingLogsDoNotFitInTheCopyDestination() {
		sql = lab.start("full-copy-destination");
		FailoverPlan plan = logShipping.planFailover(sql.pool(), actions);
		assertThat(plan.filesToCopy()).hasSize(2);
		assertThat(plan.logsToApply()).hasSize(3);
		assertThatThrownBy(() -> logShipping.copyMissingFiles(sql.pool(), actions))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("bytes free, but the 2 log backup(s) to copy");
		assertThatThrownBy(() -> logShipping.applyPendingLogs(sql.pool(), actions))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("bytes free, but the 2 log backup(s) to copy");
		assertThat(sql.lab().state().copyFiles()).hasSize(6);
		assertThat(sql.lab().state().restoreHistory()).hasSize(5);
		assertThat(actions.actions()).anyMatch(a -> !a.succeeded() && a.command().startsWith("free space in "));
	}

	@Test
	void completesAnInterruptedRestoreWithRestartThenAppliesTheRestOfTheChainAndNothingOnReRun() throws Exception {
		sql = lab.start("interrupted-restore");
		List<String> copied = sql.lab().state().copyFiles();
		String interrupted = sql.lab().state().database("mgc").interruptedRestore();
		assertThat(interrupted).endsWith(copied.get(5));
		assertThat(logShipping.applyPendingLogs(sql.pool(), actions)).containsExactlyElementsOf(copied.subList(5, 8));
		LabSqlSnapshot state = sql.lab().state();
		assertThat(state.database("mgc").interruptedRestore()).isNull();
		assertThat(state.database("mgc").state()).isEqualTo("RESTORING");
		assertThat(state.restoreHistory()).hasSize(8)
			.extracting(LabSqlSnapshot.Restore::file)
			.endsWith(interrupted, LabSqlFixture.COPY_UNC + "\\" + copied.get(6), LabSqlFixture.COPY_UNC + "\\" + copied.get(7));
		assertThat(state.database("mgc").redoStartLsn()).isEqualTo(state.restoreHistory().get(7).lastLsn());
		assertThat(actions.actions()).anyMatch(a -> a.succeeded() && a.outcome().startsWith("4319: the restore of "
				+ copied.get(5) + " was interrupted"));
		assertThat(actions.actions()).anyMatch(a -> a.succeeded()
				&& a.command().startsWith("RESTORE LOG @P0 FROM DISK = @P1 WITH NORECOVERY, RESTART")
				&& a.command().contains(copied.get(5)));
		sql.restart();
		assertThat(logShipping.applyPendingLogs(sql.pool(), new ActionLog())).isEmpty();
		assertThat(sql.lab().state().restoreHistory()).hasSize(8);
	}

	/** A DBA restored straight from the primary's share and was cut off: not a file ApplyLogBackups may restart. */
	@Test
	void refusesToRestartAnInterruptedRestoreOutsideTheCopyDestinationAndSaysWhatToDo() {
		sql = lab.start("interrupted-restore");
		String onShare = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(5);
		sql.interruptedRestoreOf("mgc", onShare);
		assertThatThrownBy(() -> logShipping.applyPendingLogs(sql.pool(), actions))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a previous restore was interrupted on '" + onShare + "', which is not a log backup of mgc "
					+ "in the copy destination " + LabSqlFixture.COPY_UNC)
			.hasMessageContaining("interrupted RESTORE's clauses plus WITH RESTART");
		assertThat(sql.lab().state().restoreHistory()).hasSize(5);
		assertThat(sql.lab().state().database("mgc").interruptedRestore()).isEqualTo(onShare);
		assertThat(actions.actions()).noneMatch(a -> a.command().contains("RESTART"));
	}

	@Test
	void namesTheInstanceWhenSqlServerIsDown() {
		sql = lab.start("sql-down");
		assertThatThrownBy(() -> logShipping.planFailover(sql.pool(), actions))
			.isInstanceOfSatisfying(SqlServerException.class, ex -> {
				assertThat(ex.instance()).isEqualTo("dal-sql-bk.litwareinc.com\\PCHAT");
				assertThat(ex.errorNumber()).isEqualTo(SqlServerException.UNREACHABLE);
			})
			.hasMessageStartingWith("cannot connect to SQL Server dal-sql-bk.litwareinc.com\\PCHAT");
	}

	/** DecideBrokenLogChain's {@code logChainGap}: every language, the instance, files, LSNs kept exactly. */
	private static void saysTheGapInEveryLanguage(LogChainBrokenException ex) {
		for (Locale language : Languages.SUPPORTED) {
			String said = DisplaySentences.translate(ex.getMessage(), Messages.of(language));
			if (language.equals(Languages.ENGLISH)) {
				assertThat(said).isEqualTo(ex.getMessage());
				continue;
			}
			assertThat(said).as(language.toString()).isNotEqualTo(ex.getMessage())
				.doesNotContain("log chain of", "DATA LOSS", "EVERYTHING AFTER IT IS LOST")
				.contains("mgc", "dal-sql-bk.litwareinc.com\\PCHAT", ex.gap().expectedFirstLsn(), ex.gap().foundFile(),
						ex.gap().foundFirstLsn())
				.endsWith(DataLossStatements.translate(ex.dataLoss(), Messages.of(language)));
		}
	}

}
