package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The script RunLogShippingScript shows: the step's statements with literal values that cannot break out. */
class LogShippingScriptTest {

	private static final String SHARE = "\\\\atl-sql-001.litwareinc.com\\logship";

	@Test
	void namesEachInstanceAndGuardsEveryPartByWhatMsdbShows() {
		String script = LogShippingScript.of("mgc", "ATL-SQL-001\\PCHAT", "DAL-SQL-BK\\PCHAT", SHARE,
				"\\\\dal-sql-bk.litwareinc.com\\logship-copy", SHARE + "\\CHG-1_mgc_primary_full.bak");

		assertThat(script).contains("-- 1. On the primary instance ATL-SQL-001\\PCHAT",
				"-- 2. On the backup instance DAL-SQL-BK\\PCHAT", "-- 3. On the primary instance ATL-SQL-001\\PCHAT",
				"IF NOT EXISTS (SELECT 1 FROM msdb.dbo.log_shipping_primary_databases WHERE primary_database = N'mgc')",
				"EXEC master.dbo.sp_add_log_shipping_primary_database @database = N'mgc', @backup_directory = N'" + SHARE
						+ "'",
				"BACKUP DATABASE [mgc] TO DISK = N'" + SHARE + "\\CHG-1_mgc_primary_full.bak' WITH INIT, CHECKSUM;",
				"RESTORE DATABASE [mgc] FROM DISK = N'" + SHARE + "\\CHG-1_mgc_primary_full.bak' WITH REPLACE, NORECOVERY;",
				"@restore_delay = 0, @restore_mode = 0",
				"EXEC master.dbo.sp_add_log_shipping_primary_secondary @primary_database = N'mgc', @secondary_server ="
						+ " N'DAL-SQL-BK\\PCHAT', @secondary_database = N'mgc';");
		assertThat(script.split("\nGO\n", -1)).hasSize(4);
	}

	@Test
	void doublesQuotesInValuesAndRefusesADatabaseNameThatIsNoPlainIdentifier() {
		String script = LogShippingScript.of("mgc", "ATL-SQL-001\\PCHAT", "DAL-SQL-BK\\PCHAT",
				"\\\\fs\\it's'; DROP DATABASE mgc; --", "\\\\fs\\copy", "\\\\fs\\full.bak");

		assertThat(script).contains("@backup_share = N'\\\\fs\\it''s''; DROP DATABASE mgc; --'")
			.doesNotContain("N'\\\\fs\\it's");
		assertThatThrownBy(() -> LogShippingScript.of("mgc]; DROP DATABASE x; --", "A", "B", "\\\\fs\\s", "\\\\fs\\c",
				"\\\\fs\\f.bak")).isInstanceOf(IllegalArgumentException.class);
	}

	/** JJ204887: only the primary half, for the mirror instance; the secondary "is initialized". */
	@Test
	void givesTheMirrorInstanceOnlyThePrimaryHalfWithTheSameSettings() {
		String script = LogShippingScript.primaryHalfForMirror("mgc", "ATL-SQL-MR\\PCHAT", "DAL-SQL-BK\\PCHAT",
				SHARE);
		String primary = LogShippingScript.of("mgc", "ATL-SQL-001\\PCHAT", "DAL-SQL-BK\\PCHAT", SHARE,
				"\\\\dal-sql-bk.litwareinc.com\\logship-copy", SHARE + "\\CHG-1_mgc_primary_full.bak");

		String primaryDatabase = primary.substring(primary.indexOf("IF NOT EXISTS"), primary.indexOf("BACKUP DATABASE"));
		assertThat(script).contains("-- On the primary's mirror instance ATL-SQL-MR\\PCHAT", primaryDatabase,
				"EXEC master.dbo.sp_add_log_shipping_primary_secondary @primary_database = N'mgc', @secondary_server ="
						+ " N'DAL-SQL-BK\\PCHAT', @secondary_database = N'mgc';",
				"-- ****** End: Script to be run at Primary: [ATL-SQL-MR\\PCHAT] ******")
			.doesNotContain("BACKUP DATABASE", "RESTORE", "sp_add_log_shipping_secondary");
		assertThat(script.split("\nGO\n", -1)).hasSize(2);
		assertThat(LogShippingScript.primaryHalfForMirror("mgc", "M", "it's", SHARE)).contains("N'it''s'")
			.doesNotContain("N'it's'");
		assertThatThrownBy(() -> LogShippingScript.primaryHalfForMirror("mgc]--", "M", "B", SHARE))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
