package org.pchatfailover.failback;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.sqlserver.LogShippingScript;
import org.pchatfailover.sqlserver.PrimaryMirrorLogShipping;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;

/**
 * The primary half of the log-shipping script for the primary's mirror instance (JJ204887), as a DBA runs it: split
 * at GO as sqlcmd does, each batch sent with mssql-jdbc. The lab has no endpoint for the primary's mirror yet, so the
 * lab SQL Server in the {@code failed-over} scenario stands in for it: mgc ONLINE (principal), no log-shipping rows.
 * Run twice, the guards leave exactly one primary row and one secondary link.
 */
class PrimaryMirrorScriptIT {

	private static final String SHARE = "\\\\atl-sql-001.litwareinc.com\\logship";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@Test
	void setsUpThePrimarySideOnceHoweverOftenItIsRun() throws SQLException {
		LabSqlFixture sql = lab.start("failed-over");
		String script = LogShippingScript.primaryHalfForMirror("mgc", "ATL-SQL-MR\\PCHAT", "DAL-SQL-BK\\PCHAT", SHARE);

		try (Connection connection = sql.connect()) {
			assertThat(column(connection, "SELECT primary_database FROM msdb.dbo.log_shipping_primary_databases"))
				.isEmpty();
			for (int run = 0; run < 2; run++) {
				for (String batch : SqlcmdBatches.split(script)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute(batch);
					}
				}
			}

			assertThat(column(connection, "SELECT primary_database + N' ' + backup_share"
					+ " FROM msdb.dbo.log_shipping_primary_databases")).containsExactly("mgc " + SHARE);
			assertThat(column(connection, "SELECT s.secondary_server + N' ' + s.secondary_database"
					+ " FROM msdb.dbo.log_shipping_primary_secondaries s JOIN msdb.dbo.log_shipping_primary_databases p"
					+ " ON p.primary_id = s.primary_id WHERE p.primary_database = N'mgc'"))
				.containsExactly("DAL-SQL-BK\\PCHAT mgc");
			assertThat(column(connection, "SELECT state_desc FROM sys.databases WHERE name = N'mgc'"))
				.containsExactly("ONLINE");
		}
	}

	/**
	 * ShipLogsFromPrimaryMirror's check over TDS. One lab instance plays all three parts (the lab has no endpoint of
	 * the primary's mirror yet): the primary, whose mgc is principal mirrored to DAL-SQL-MR\\PCHAT in the
	 * {@code failed-over} scenario, the mirror instance whose msdb is read, and the backup instance whose
	 * {@code @@SERVERNAME} is the secondary.
	 */
	@Test
	void namesWhatIsMissingUntilTheMirrorShipsLogsAndThePrimaryIsPrincipal() throws SQLException {
		LabSqlFixture sql = lab.start("failed-over");
		Pool lab = sql.pool();
		Pool pool = new Pool(lab.fqdn(), lab.database(), lab.backupSql(), lab.backupMirrorSql(), lab.mirrorFileShare(),
				lab.backupDataCenter(), lab.activeServerCandidates(), lab.shares(), lab.lyncShell(), null, null,
				lab.backupSql(), new Pool.SqlInstance(lab.backupSql().jdbcUrl(), LabSqlFixture.MIRROR_FQDN, "PCHAT",
						"lab", null, lab.backupSql().passwordFile()), "Atlanta");
		SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());
		PrimaryMirrorLogShipping check = new PrimaryMirrorLogShipping(adapter, new DatabaseMirroringService(adapter));

		assertThat(check.missing(pool, new ActionLog()))
			.containsExactly("msdb on dal-sql-mr.litwareinc.com\\PCHAT has no log_shipping_primary_databases row for mgc");
		try (Connection connection = sql.connect()) {
			for (String batch : SqlcmdBatches.split(LogShippingScript.primaryHalfForMirror("mgc", "DAL-SQL-MR\\PCHAT",
					check.readSecondaryServer(pool, new ActionLog()), SHARE))) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(batch);
				}
			}
			assertThat(check.missing(pool, new ActionLog())).isEmpty();

			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER DATABASE [mgc] SET PARTNER OFF");
			}
		}
		assertThat(check.missing(pool, new ActionLog())).singleElement().asString()
			.startsWith("mgc on dal-sql-bk.litwareinc.com\\PCHAT is not principal again (sys.database_mirroring shows");
	}

	private static List<String> column(Connection connection, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
