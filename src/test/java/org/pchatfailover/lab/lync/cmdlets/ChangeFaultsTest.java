package org.pchatfailover.lab.lync.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab faults cmdlet-failure and slow-cmdlet in the Lync shell: they act on the cmdlets that change something,
 * whatever the scenario, and a cmdlet that fails or is stopped changes no pool and starts no mirroring. A client that
 * stops a cmdlet is an interrupt of the thread running it, as {@code LabExecCommand} does when the SSH channel closes.
 */
class ChangeFaultsTest {

	private static final String POOL = LabLyncFixtures.POOL;

	private static final String SET = "Set-CsPersistentChatState -Identity 'service:" + POOL + "' -PoolState FailedOver";

	private static final String GET = "Get-CsPersistentChatState -Identity 'service:" + POOL + "'";

	private static final String INSTALL = "Install-CsMirrorDatabase -DatabaseType PersistentChat"
			+ " -SqlServerFqdn dal-sql-bk.litwareinc.com -SqlInstanceName PCHAT -FileShare '\\\\dal-fs-001\\m'";

	@TempDir
	Path dir;

	/** The SET PARTNER calls Install-CsMirrorDatabase made on the backup SQL Server. */
	private final List<String> partners = new ArrayList<>();

	private final LabDatabaseProbe backupSql = new LabDatabaseProbe() {

		@Override
		public String databaseState(String sqlServerFqdn, String instance, String database) {
			return "ONLINE";
		}

		@Override
		public void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress) {
			partners.add(partnerAddress);
		}

	};

	@AfterEach
	void clearTheInterrupt() {
		Thread.interrupted();
	}

	@Test
	void cmdletFailureFailsEveryChangeAndLeavesTheReadsAndWhatIfAlone() {
		LabLyncShell shell = LabLyncFixtures.shell(dir, backupSql, LabLyncShell.NORMAL);

		shell.failChanges(true);

		LabLyncShell.Result set = shell.execute(SET);
		assertThat(set.exitCode()).isEqualTo(1);
		assertThat(set.stderr()).startsWith("Set-CsPersistentChatState : Cannot open database \"xds\"")
			.contains("(Central Management store unreachable: lab fault cmdlet-failure)");
		assertThat(shell.execute(INSTALL).stderr()).contains("lab fault cmdlet-failure");
		assertThat(partners).as("no mirroring started").isEmpty();
		assertThat(shell.execute(GET).stdout()).contains("PoolState : Normal");
		assertThat(shell.execute(INSTALL + " -WhatIf").exitCode()).isZero();
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("Normal");
		assertThat(shell.state().pools().get(POOL).mirror()).isNull();

		shell.failChanges(false);

		assertThat(shell.execute(SET).exitCode()).isZero();
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("FailedOver");
	}

	@Test
	void slowCmdletStopsAChangeItsClientStopsBeforeItChangesAnything() {
		LabLyncShell shell = LabLyncFixtures.shell(dir, backupSql, LabLyncShell.NORMAL, Duration.ofMinutes(10));
		shell.slowChanges(true);

		Thread.currentThread().interrupt();
		LabLyncShell.Result set = shell.execute(SET);

		assertThat(set.exitCode()).isEqualTo(1);
		assertThat(set.stderr()).isEqualTo("Set-CsPersistentChatState : The pipeline has been stopped.\n");
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("Normal");
		Thread.currentThread().interrupt();
		assertThat(shell.execute(INSTALL).stderr()).contains("The pipeline has been stopped.");
		assertThat(partners).as("no mirroring started").isEmpty();
	}

	/** Interrupted beforehand, a cmdlet that waited would stop at once: these answer, so they do not wait. */
	@Test
	void slowCmdletLeavesTheReadsAndWhatIfAtTheirPace() {
		LabLyncShell shell = LabLyncFixtures.shell(dir, backupSql, LabLyncShell.NORMAL, Duration.ofMinutes(10));
		shell.slowChanges(true);

		Thread.currentThread().interrupt();
		LabLyncShell.Result get = shell.execute(GET);
		LabLyncShell.Result whatIf = shell.execute(INSTALL + " -WhatIf");

		assertThat(get.stdout()).contains("PoolState : Normal");
		assertThat(whatIf.exitCode()).isZero();
		assertThat(Thread.interrupted()).as("nothing waited").isTrue();
	}

	@Test
	void aResetSwitchesBothOff() {
		LabLyncShell shell = LabLyncFixtures.shell(dir, backupSql, LabLyncShell.NORMAL, Duration.ofMinutes(10));
		shell.failChanges(true);
		shell.slowChanges(true);

		shell.reset(LabLyncShell.NORMAL);

		Thread.currentThread().interrupt();
		assertThat(shell.execute(SET).exitCode()).isZero();
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("FailedOver");
	}

}
