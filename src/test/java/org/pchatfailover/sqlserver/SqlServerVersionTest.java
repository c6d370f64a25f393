package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which product a back end is, whether a Lync release supports it, and which session query it gets. */
class SqlServerVersionTest {

	@Test
	void readsTheMajorVersionFromProductVersion() {
		assertThat(SqlServerVersion.parse("10.50.6000.34").major()).isEqualTo(10);
		assertThat(SqlServerVersion.parse("11.0.7001.0").major()).isEqualTo(11);
		assertThat(SqlServerVersion.parse(" 16.0.1000.6 ").major()).isEqualTo(16);
	}

	@Test
	void readsSessionsFromSysprocessesBeforeSqlServer2012() {
		String query = SqlServerVersion.parse("10.50.4000.0").userSessionsQuery();
		assertThat(query).contains("FROM master.dbo.sysprocesses WHERE dbid = DB_ID(?)", "ecid = 0",
				"status <> 'background'").doesNotContain("database_id");
	}

	@Test
	void readsSessionsFromDmExecSessionsFromSqlServer2012On() {
		assertThat(SqlServerVersion.parse("11.0.2100.60").userSessionsQuery())
			.contains("FROM sys.dm_exec_sessions WHERE database_id = DB_ID(?) AND is_user_process = 1");
	}

	@Test
	void namesTheProductByMajorAndMinorVersion() {
		assertThat(SqlServerVersion.parse("10.0.6000.29").productName()).isEqualTo("SQL Server 2008");
		assertThat(SqlServerVersion.parse("10.50.6000.34").productName()).isEqualTo("SQL Server 2008 R2");
		assertThat(SqlServerVersion.parse("11.0.7001.0").productName()).isEqualTo("SQL Server 2012");
		assertThat(SqlServerVersion.parse("12.0.6024.0").productName()).isEqualTo("SQL Server 2014");
		assertThat(SqlServerVersion.parse("13.0.6300.2").productName()).isEqualTo("SQL Server 2016");
		assertThat(SqlServerVersion.parse("14.0.3456.2").productName()).isEqualTo("SQL Server 2017");
		assertThat(SqlServerVersion.parse("15.0.4261.1").productName()).isEqualTo("SQL Server 2019");
		assertThat(SqlServerVersion.parse("16.0.1000.6").productName()).isEqualTo("SQL Server 2022");
	}

	@Test
	void acceptsSqlServer2008R2And2012AsLyncServer2013BackEndsOnly() {
		LyncServerVersion lync = LyncServerVersion.LYNC_SERVER_2013;
		assertThat(SqlServerVersion.parse("10.50.6000.34").backEndFor(lync).supported()).isTrue();
		assertThat(SqlServerVersion.parse("11.0.7001.0").backEndFor(lync))
			.satisfies(support -> assertThat(support.supported()).isTrue())
			.satisfies(support -> assertThat(support.caveat())
				.contains("Additionally running the latest service pack is recommended."));
		for (String unsupported : new String[] { "10.0.6000.29", "12.0.6024.0", "13.0.6300.2", "16.0.1000.6" }) {
			assertThat(SqlServerVersion.parse(unsupported).backEndFor(lync).supported()).as(unsupported).isFalse();
		}
		assertThat(SqlServerVersion.parse("16.0.1000.6").backEndFor(lync).describe())
			.startsWith("SQL Server 2022 is not a supported back end of Lync Server 2013: ")
			.contains("SQL Server 2008 R2 or SQL Server 2012");
	}

	@Test
	void acceptsSqlServer2012To2019AsSkypeForBusinessServer2015BackEndsWithTheirUpdates() {
		LyncServerVersion skype = LyncServerVersion.SKYPE_FOR_BUSINESS_SERVER_2015;
		for (String supported : new String[] { "11.0.7001.0", "12.0.6024.0", "13.0.6300.2", "14.0.3456.2",
				"15.0.4261.1" }) {
			assertThat(SqlServerVersion.parse(supported).backEndFor(skype).supported()).as(supported).isTrue();
		}
		assertThat(SqlServerVersion.parse("12.0.6024.0").backEndFor(skype).caveat())
			.contains("you must run with Cumulative Update 6 or later");
		assertThat(SqlServerVersion.parse("13.0.6300.2").backEndFor(skype).caveat())
			.contains("with Service Pack 1 or later, and you must run with Skype for Business Cumulative Update 7 or later");
		for (String unsupported : new String[] { "10.50.6000.34", "16.0.1000.6" }) {
			assertThat(SqlServerVersion.parse(unsupported).backEndFor(skype))
				.satisfies(support -> assertThat(support.supported()).as(unsupported).isFalse())
				.satisfies(support -> assertThat(support.caveat()).contains("you can't use it"));
		}
	}

	@Test
	void refusesAnAnswerThatIsNoProductVersion() {
		assertThatThrownBy(() -> SqlServerVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SqlServerVersion.parse("Microsoft SQL Server 2008 R2"))
			.hasMessageContaining("not a SQL Server ProductVersion");
	}

}
