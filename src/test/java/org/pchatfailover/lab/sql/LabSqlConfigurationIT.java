package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The lab profile starts the lab SQL Server on the configured port, with its password file, and stops it. */
class LabSqlConfigurationIT {

	@TempDir
	Path dir;

	@Test
	void startsOnAFreePortWritesThePasswordFileAndStopsWithTheContext() throws Exception {
		String url;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LabSqlConfiguration.class)
			.web(WebApplicationType.NONE).profiles("lab")
			.properties("pchat.lab.sql-port=0", "pchat.lab.mirror-sql-port=0", "pchat.lab.primary-sql-port=0", "pchat.lab.dir=" + dir,
					"spring.config.name=no-such-config")
			.run()) {
			SqlLab lab = context.getBean(SqlLab.class);
			String port = context.getEnvironment().getProperty("pchat.lab.sql-port");
			assertThat(lab.endpoint()).isEqualTo("127.0.0.1:" + port);
			assertThat(Files.readString(dir.resolve("secrets/sql.password")).strip()).isEqualTo("lab");
			if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/sql.password"))))
					.as("a secret file is owner-only").isEqualTo("rw-------");
			}
			url = "jdbc:sqlserver://" + lab.endpoint() + ";encrypt=false;loginTimeout=5;connectRetryCount=0";
			try (Connection connection = DriverManager.getConnection(url, "lab", "lab")) {
				assertThat(connection.isValid(5)).isTrue();
			}
			assertThat(lab.state().database("mgc").state()).isEqualTo("RESTORING");
		}
		String closedUrl = url;
		assertThatThrownBy(() -> DriverManager.getConnection(closedUrl, "lab", "lab")).isInstanceOf(SQLException.class);
	}

	@Test
	void startsThePrimaryInstanceRebuiltWithMgcAndMgccompOnlineAndNoLogShipping() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LabSqlConfiguration.class)
			.web(WebApplicationType.NONE).profiles("lab")
			.properties("pchat.lab.sql-port=0", "pchat.lab.mirror-sql-port=0", "pchat.lab.primary-sql-port=0",
					"pchat.lab.dir=" + dir, "spring.config.name=no-such-config")
			.run()) {
			PrimarySqlLab primary = context.getBean(PrimarySqlLab.class);
			String url = "jdbc:sqlserver://" + primary.endpoint() + ";encrypt=true;trustStore="
					+ dir.resolve("sql-primary/tls/truststore.jks")
					+ ";hostNameInCertificate=atl-sql-001.litwareinc.com;loginTimeout=5;connectRetryCount=0";
			try (Connection connection = DriverManager.getConnection(url, "lab", "lab");
					Statement statement = connection.createStatement()) {
				try (ResultSet rows = statement.executeQuery("SELECT @@SERVERNAME")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo("ATL-SQL-001\\PCHAT");
				}
				try (ResultSet rows = statement.executeQuery("SELECT name, state_desc FROM sys.databases"
						+ " WHERE name IN ('mgc', 'mgccomp') ORDER BY name")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("mgc ONLINE");
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("mgccomp ONLINE");
				}
				try (ResultSet rows = statement.executeQuery(
						"SELECT COUNT(*) FROM msdb.dbo.log_shipping_secondary_databases")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getInt(1)).as("a rebuilt instance ships no logs yet").isZero();
				}
			}
			assertThat(context.getBean(SqlLab.class).endpoint()).isNotEqualTo(primary.endpoint());
		}
	}

	@Test
	void encryptsWithACertificateItKeepsUnderTheLabFolderForEachInstance() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LabSqlConfiguration.class)
			.web(WebApplicationType.NONE).profiles("lab")
			.properties("pchat.lab.sql-port=0", "pchat.lab.mirror-sql-port=0", "pchat.lab.primary-sql-port=0", "pchat.lab.dir=" + dir,
					"spring.config.name=no-such-config")
			.run()) {
			String backup = "jdbc:sqlserver://" + context.getBean(SqlLab.class).endpoint() + ";encrypt=true;trustStore="
					+ dir.resolve("sql/tls/truststore.jks") + ";hostNameInCertificate=dal-sql-bk.litwareinc.com"
					+ ";loginTimeout=5;connectRetryCount=0";
			String mirror = "jdbc:sqlserver://" + context.getBean(MirrorSqlLab.class).endpoint()
					+ ";encrypt=true;trustStore=" + dir.resolve("sql-mirror/tls/truststore.jks")
					+ ";hostNameInCertificate=dal-sql-mr.litwareinc.com;loginTimeout=5;connectRetryCount=0";
			for (String url : new String[] { backup, mirror }) {
				try (Connection connection = DriverManager.getConnection(url, "lab", "lab");
						Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery(
								"SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).as(url).isEqualTo("TRUE");
				}
			}
			assertThat(dir.resolve("sql/tls/key.pem")).isRegularFile();
			assertThat(dir.resolve("sql-mirror/tls/cert.pem")).isRegularFile();
		}
	}

	@Test
	void answersAsTheConfiguredSqlServerVersion() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LabSqlConfiguration.class)
			.web(WebApplicationType.NONE).profiles("lab")
			.properties("pchat.lab.sql-port=0", "pchat.lab.mirror-sql-port=0", "pchat.lab.primary-sql-port=0", "pchat.lab.dir=" + dir,
					"spring.config.name=no-such-config",
					"pchat.lab.sql-server-version=10.50.6000.34")
			.run()) {
			String url = "jdbc:sqlserver://" + context.getBean(SqlLab.class).endpoint()
					+ ";encrypt=false;loginTimeout=5;connectRetryCount=0";
			try (Connection connection = DriverManager.getConnection(url, "lab", "lab");
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT SERVERPROPERTY('ProductVersion')")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("10.50.6000.34");
			}
		}
	}

}
