package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.engine.ServerVersion;

/**
 * The lab login's rights as IS_SRVROLEMEMBER and HAS_PERMS_BY_NAME show them (1, 0 or NULL), and what scenario
 * missing-rights takes away: sysadmin and ALTER ANY CONNECTION, so KILL fails with 6102.
 */
class LabSqlRightsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@Test
	void showsTheLabLoginAsSysadminWithEveryPermissionAndNullForWhatIsNotValid() throws SQLException {
		sql = lab.start("normal");
		assertThat(row("SELECT IS_SRVROLEMEMBER('sysadmin'), IS_SRVROLEMEMBER('sysadmin', 'lab'), "
				+ "IS_SRVROLEMEMBER('processadmin'), IS_SRVROLEMEMBER('public'), IS_SRVROLEMEMBER('no_such_role'), "
				+ "IS_SRVROLEMEMBER('sysadmin', 'nobody'), IS_SRVROLEMEMBER('sysadmin', NULL)"))
			.containsExactly(1, 1, 0, 1, null, null, null);
		assertThat(row("SELECT HAS_PERMS_BY_NAME(NULL, NULL, 'ALTER ANY CONNECTION'), "
				+ "HAS_PERMS_BY_NAME(NULL, NULL, 'CREATE ANY DATABASE'), HAS_PERMS_BY_NAME(NULL, NULL, 'NO SUCH PERMISSION'), "
				+ "HAS_PERMS_BY_NAME('msdb.dbo.log_shipping_secondary', 'OBJECT', 'SELECT'), "
				+ "HAS_PERMS_BY_NAME('msdb.dbo.no_such_table', 'OBJECT', 'SELECT'), "
				+ "HAS_PERMS_BY_NAME('msdb', 'NO_SUCH_CLASS', 'SELECT')"))
			.containsExactly(1, 1, null, 1, null, null);
	}

	@Test
	void namesTheDatabasesOwnerBySidAsSuserSnameDoes() throws SQLException {
		sql = lab.start("normal");
		assertThat(row("SELECT SUSER_SNAME(owner_sid), SUSER_SNAME() FROM sys.databases WHERE name = 'mgc'"))
			.containsExactly("LITWAREINC\\sqladmin", "lab");
	}

	@Test
	void takesSysadminAndAlterAnyConnectionAwayButKeepsCreateAnyDatabaseAndMsdbInMissingRights() throws SQLException {
		sql = lab.start("missing-rights");
		assertThat(row("SELECT IS_SRVROLEMEMBER('sysadmin'), IS_SRVROLEMEMBER('dbcreator'), "
				+ "HAS_PERMS_BY_NAME(NULL, NULL, 'ALTER ANY CONNECTION'), HAS_PERMS_BY_NAME(NULL, NULL, 'CREATE ANY DATABASE'), "
				+ "HAS_PERMS_BY_NAME('master', 'DATABASE', 'CREATE DATABASE'), "
				+ "HAS_PERMS_BY_NAME('msdb.dbo.log_shipping_secondary_databases', 'OBJECT', 'SELECT'), "
				+ "HAS_PERMS_BY_NAME('mgc', 'DATABASE', 'CONNECT')"))
			.containsExactly(0, 0, 0, 1, 1, 1, 0);
		String file = LabSqlFixture.COPY_UNC + "\\" + sql.lab().state().copyFiles().get(0);
		assertThat(row("RESTORE HEADERONLY FROM DISK = N'" + file + "'")).contains("mgc");
	}

	@Test
	void refusesKillWith6102WithoutAlterAnyConnection() throws SQLException {
		sql = lab.start("missing-rights");
		try (Connection victim = sql.connect(); Connection dba = sql.connect();
				Statement statement = dba.createStatement()) {
			int victimId;
			try (ResultSet rows = victim.createStatement().executeQuery("SELECT @@SPID")) {
				rows.next();
				victimId = rows.getInt(1);
			}
			assertThatThrownBy(() -> statement.execute("KILL " + victimId))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(6102))
				.hasMessage("User does not have permission to use the KILL statement.");
			assertThat(victim.isValid(5)).isTrue();
		}
	}

	/** The references give no error for a non-sysadmin running the procedure, so the lab does not refuse it. */
	@Test
	void letsANonSysadminRemoveLogShippingBecauseTheReferencesGiveNoErrorForIt() throws SQLException {
		sql = lab.start("missing-rights");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = N'mgc'");
		}
		assertThat(sql.lab().state().logShipping()).isEmpty();
	}

	@Test
	void knowsNoPublicRoleBeforeSqlServer2012() throws SQLException {
		sql = lab.start("normal", ServerVersion.parse("10.50.6000.34"));
		assertThat(row("SELECT IS_SRVROLEMEMBER('public'), IS_SRVROLEMEMBER('sysadmin')")).containsExactly(null, 1);
	}

	private List<Object> row(String query) throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			assertThat(rows.next()).isTrue();
			List<Object> values = new ArrayList<>();
			for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
				values.add(rows.getObject(i));
			}
			return values;
		}
	}

}
