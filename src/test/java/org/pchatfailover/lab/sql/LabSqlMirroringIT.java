package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Database mirroring on the lab SQL Server over TDS: the ALTER DATABASE Install-CsMirrorDatabase runs on the new
 * principal, and the sys.database_mirroring query a DBA uses to check it.
 */
class LabSqlMirroringIT {

	private static final String DBA_QUERY = "SELECT mirroring_role_desc, mirroring_state_desc,"
			+ " mirroring_partner_instance, mirroring_partner_name FROM sys.database_mirroring"
			+ " WHERE database_id = DB_ID(?)";

	private static final String SET_PARTNER = "ALTER DATABASE [mgc] SET PARTNER = 'TCP://"
			+ LabSqlFixture.MIRROR_FQDN + ":5022'";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void mirrorsAnOnlineDatabaseAsPrincipalWithTheNamedPartner() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("RESTORE DATABASE mgc WITH RECOVERY");
			statement.execute(SET_PARTNER);
			assertThat(mirroring(connection, "mgc")).containsExactly("PRINCIPAL", "SYNCHRONIZED",
					LabSqlFixture.MIRROR_SERVER_NAME, "TCP://" + LabSqlFixture.MIRROR_FQDN + ":5022");
			assertThat(mirroring(connection, "msdb")).containsOnlyNulls();
		}
		assertThat(sql.lab().state().database("mgc").mirroringRole()).isEqualTo("PRINCIPAL");
	}

	@Test
	void keepsTheSessionAcrossARestart() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("RESTORE DATABASE mgc WITH RECOVERY");
			statement.execute(SET_PARTNER);
		}
		sql.restart();
		try (Connection connection = sql.connect()) {
			assertThat(mirroring(connection, "mgc")).startsWith("PRINCIPAL", "SYNCHRONIZED");
		}
	}

	@Test
	void refusesToMirrorADatabaseThatIsStillRestoring() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute(SET_PARTNER)).isInstanceOfSatisfying(SQLException.class,
					ex -> assertThat(ex.getErrorCode()).isEqualTo(1416));
			assertThat(mirroring(connection, "mgc")).containsOnlyNulls();
		}
	}

	@Test
	void refusesAnAddressThatIsNotTcpHostPort() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("RESTORE DATABASE mgc WITH RECOVERY");
			assertThatThrownBy(() -> statement.execute("ALTER DATABASE mgc SET PARTNER = 'dal-sql-mr'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(1418));
		}
	}

	@Test
	void removesMirroringWithPartnerOffAndRefusesItWhenNotMirrored() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("RESTORE DATABASE mgc WITH RECOVERY");
			statement.execute(SET_PARTNER);
			statement.execute("ALTER DATABASE [mgc] SET PARTNER OFF");
			assertThat(mirroring(connection, "mgc")).containsOnlyNulls();
			assertThatThrownBy(() -> statement.execute("ALTER DATABASE [mgc] SET PARTNER OFF"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(1416));
		}
	}

	private static String[] mirroring(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(DBA_QUERY)) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).as("one row per database").isTrue();
				String[] row = { rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4) };
				assertThat(rows.next()).isFalse();
				return row;
			}
		}
	}

}
