package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which session query a back end gets: Lync Server 2013 supports SQL Server 2008 R2 SP2 and later. */
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
	void refusesAnAnswerThatIsNoProductVersion() {
		assertThatThrownBy(() -> SqlServerVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SqlServerVersion.parse("Microsoft SQL Server 2008 R2"))
			.hasMessageContaining("not a SQL Server ProductVersion");
	}

}
