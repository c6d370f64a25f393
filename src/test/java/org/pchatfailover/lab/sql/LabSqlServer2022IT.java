package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.engine.ServerVersion;

/** The lab answering as SQL Server 2022 RTM ({@code pchat.lab.sql-server-version=16.0.1000.6}), over mssql-jdbc. */
class LabSqlServer2022IT {

	static final ServerVersion SQL_2022 = ServerVersion.parse("16.0.1000.6");

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal", SQL_2022);
	}

	@Test
	void answersVersionAndSessionIdToAPlainBatch() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select @@VERSION as v, @@SPID")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString("v")).startsWith("Microsoft SQL Server 2022");
			assertThat(rows.getInt(2)).isGreaterThanOrEqualTo(51);
			assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("16.");
		}
	}

}
