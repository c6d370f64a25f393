package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures.crlf;

/** Get-CsDatabaseMirrorState and Install-CsMirrorDatabase as a Lync admin sees them, per Lync version. */
class DatabaseMirrorCmdletsTest {

	private static final String INSTALL = "Install-CsMirrorDatabase -SqlServerFqdn dal-sql-bk.litwareinc.com"
			+ " -SqlInstanceName PCHAT -FileShare '\\\\dal-fs-001.litwareinc.com\\pchat-mirror' -DatabaseType ";

	private static final String LYNC_2013_TYPES = "Application, Archiving, Monitoring, User, Provision, CentralAdmin,"
			+ " Lyss, Registrar, Edge, PersistentChat, PersistentChatCompliance, CentralMgmt";

	@TempDir
	Path dir;

	private LabLyncShell lab(String lyncVersion) {
		return LabLyncFixtures.shell(dir, LabLyncFixtures.topology(lyncVersion), LabLyncFixtures.MGC_ONLINE,
				LabLyncShell.NORMAL);
	}

	@Test
	void showsTheMirroringStatusOnSecondaryAsTheReferenceSampleDoes() {
		LabLyncShell lab = lab(LabPool.LYNC_2013);
		lab.execute(INSTALL + "PersistentChat");

		LabLyncShell.Result result = lab.execute("Get-CsDatabaseMirrorState -PoolFqdn atl-cs-001.litwareinc.com"
				+ " -DatabaseType PersistentChat");

		assertThat(result.stdout()).isEqualTo(crlf("""

				DatabaseName               : mgc
				StateOnPrimary             : Principal
				StateOnMirror              : Mirror
				MirroringStatusOnPrimary   : Synchronized
				MirroringStatusOnSecondary : Synchronized
				"""));
		assertThat(result.stdout()).doesNotContain("MirroringStatusOnMirror");
	}

	@Test
	void saysWhatItWouldDoUnderWhatIfWithoutTouchingSqlServer() {
		LabDatabaseProbe untouchable = new LabDatabaseProbe() {

			@Override
			public String databaseState(String sqlServerFqdn, String instance, String database) {
				throw new AssertionError("-WhatIf asked SQL Server for the state of " + database);
			}

			@Override
			public void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress) {
				throw new AssertionError("-WhatIf started mirroring of " + database);
			}

		};
		LabLyncShell lab = LabLyncFixtures.shell(dir, untouchable, LabLyncShell.NORMAL);

		LabLyncShell.Result result = lab.execute(INSTALL + "PersistentChat -DropExistingDatabasesOnMirror -WhatIf"
				+ " -Confirm:$false");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(crlf("What if: Performing the operation \"Install-CsMirrorDatabase\" on target"
				+ " \"mgc on dal-sql-bk.litwareinc.com\\PCHAT, mirror dal-sql-mr.litwareinc.com\\PCHAT\".\n"));
		assertThat(lab.state().pools().get(LabLyncFixtures.POOL).mirror()).isNull();
	}

	@Test
	void takesTheLync2013DatabaseTypesOnALync2013Pool() {
		LabLyncShell lab = lab(LabPool.LYNC_2013);

		LabLyncShell.Result centralAdmin = lab.execute("Get-CsDatabaseMirrorState -PoolFqdn atl-cs-001.litwareinc.com"
				+ " -DatabaseType centraladmin");
		LabLyncShell.Result signinTelemetry = lab.execute("Get-CsDatabaseMirrorState"
				+ " -PoolFqdn atl-cs-001.litwareinc.com -DatabaseType SigninTelemetry");

		assertThat(centralAdmin.exitCode()).isZero();
		assertThat(centralAdmin.stderr()).isEmpty();
		assertThat(signinTelemetry.exitCode()).isEqualTo(1);
		assertThat(signinTelemetry.stderr()).isEqualTo("Get-CsDatabaseMirrorState : Cannot bind parameter"
				+ " 'DatabaseType'. Cannot convert value \"SigninTelemetry\" to type \"DatabaseNameType\". Error:"
				+ " \"Unable to match the identifier name SigninTelemetry to a valid enumerator name. Specify one of the"
				+ " following enumerator names and try again: " + LYNC_2013_TYPES + "\"\n");
	}

	@Test
	void takesTheSkypeForBusiness2015DatabaseTypesOnA2015Pool() {
		LabLyncShell lab = lab(LabPool.LYNC_2015);

		LabLyncShell.Result signinTelemetry = lab.execute("Get-CsDatabaseMirrorState"
				+ " -PoolFqdn atl-cs-001.litwareinc.com -DatabaseType SigninTelemetry");
		LabLyncShell.Result centralAdmin = lab.execute("Get-CsDatabaseMirrorState -PoolFqdn atl-cs-001.litwareinc.com"
				+ " -DatabaseType CentralAdmin");

		assertThat(signinTelemetry.exitCode()).isZero();
		assertThat(centralAdmin.stderr()).contains("Cannot convert value \"CentralAdmin\" to type \"DatabaseNameType\"",
				"try again: Application, Archiving, Monitoring, User, Provision, Lyss, Registrar, Edge, PersistentChat,"
						+ " PersistentChatCompliance, CentralMgmt, SigninTelemetry, ActiveMonitoring\"");
	}

	@Test
	void bindsTheDatabaseTypeOfInstallCsMirrorDatabaseByVersionToo() {
		LabLyncShell lync2013 = lab(LabPool.LYNC_2013);

		LabLyncShell.Result bogus = lync2013.execute(INSTALL + "Bogus");
		LabLyncShell.Result activeMonitoring = lync2013.execute(INSTALL + "ActiveMonitoring");

		assertThat(bogus.stderr()).startsWith("Install-CsMirrorDatabase : Cannot bind parameter 'DatabaseType'."
				+ " Cannot convert value \"Bogus\"").contains(LYNC_2013_TYPES);
		assertThat(activeMonitoring.stderr()).contains("Cannot convert value \"ActiveMonitoring\"");
		assertThat(lync2013.state().pools().get(LabLyncFixtures.POOL).mirror()).isNull();
	}

	@Test
	void knowsAnotherTypeOnlyAsAStoreWithoutItsDatabases() {
		LabLyncShell lab = lab(LabPool.LYNC_2015);

		LabLyncShell.Result activeMonitoring = lab.execute(INSTALL + "ActiveMonitoring");

		assertThat(activeMonitoring.stderr()).isEqualTo("Install-CsMirrorDatabase : The store"
				+ " dal-sql-bk.litwareinc.com\\PCHAT has no ActiveMonitoring databases.\n");
	}

}
