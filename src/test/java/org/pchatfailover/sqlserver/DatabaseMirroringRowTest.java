package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pchatfailover.topology.Pool.SqlInstance;

class DatabaseMirroringRowTest {

	private static final SqlInstance NAMED = new SqlInstance(null, "dal-sql-mr.litwareinc.com", "PCHAT", null, null,
			null);

	private static final SqlInstance DEFAULT = new SqlInstance(null, "dal-sql-mr.litwareinc.com", "", null, null,
			null);

	@Test
	void matchesTheNetBiosNameAndInstanceSqlServerReportsAgainstTheConfiguredFqdn() {
		assertThat(principal("SYNCHRONIZED", "DAL-SQL-MR\\PCHAT").isPrincipalMirroredTo(NAMED)).isTrue();
		assertThat(principal("SYNCHRONIZING", "dal-sql-mr.litwareinc.com\\pchat").isPrincipalMirroredTo(NAMED))
			.isTrue();
		assertThat(principal("SYNCHRONIZED", "DAL-SQL-MR").isPrincipalMirroredTo(DEFAULT)).isTrue();
	}

	@Test
	void rejectsAnotherHostAnotherInstanceAStateOutOfSyncOrTheMirrorRole() {
		assertThat(principal("SYNCHRONIZED", "ATL-SQL-MR\\PCHAT").isPrincipalMirroredTo(NAMED)).isFalse();
		assertThat(principal("SYNCHRONIZED", "DAL-SQL-MR").isPrincipalMirroredTo(NAMED)).isFalse();
		assertThat(principal("SYNCHRONIZED", "DAL-SQL-MR\\PCHAT").isPrincipalMirroredTo(DEFAULT)).isFalse();
		assertThat(principal("SUSPENDED", "DAL-SQL-MR\\PCHAT").isPrincipalMirroredTo(NAMED)).isFalse();
		assertThat(new DatabaseMirroringRow("MIRROR", "SYNCHRONIZED", "DAL-SQL-MR\\PCHAT", null)
			.isPrincipalMirroredTo(NAMED)).isFalse();
		assertThat(new DatabaseMirroringRow(null, null, null, null).isPrincipalMirroredTo(NAMED)).isFalse();
	}

	private static DatabaseMirroringRow principal(String state, String partner) {
		return new DatabaseMirroringRow("PRINCIPAL", state, partner, "TCP://dal-sql-mr.litwareinc.com:5022");
	}

}
