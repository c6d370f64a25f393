package org.pchatfailover.lab.sql.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The version agreed at login: the client's, unless it is newer than SQL Server 2022's TDS 7.4. */
class TdsVersionTest {

	@Test
	void answersEachClientInTheVersionItAskedFor() {
		assertThat(TdsVersion.negotiate(0x70000000L)).isEqualTo(TdsVersion.V7_0);
		assertThat(TdsVersion.negotiate(0x71000001L)).isEqualTo(TdsVersion.V7_1); // jTDS tds=8.0
		assertThat(TdsVersion.negotiate(0x72090002L)).isEqualTo(TdsVersion.V7_2);
		assertThat(TdsVersion.negotiate(0x74000004L)).isEqualTo(TdsVersion.V7_4); // mssql-jdbc, FreeTDS 7.4
	}

	@Test
	void takesTheOldSpellingOfSevenZeroAndSevenOne() {
		assertThat(TdsVersion.negotiate(0x07000000L)).isEqualTo(TdsVersion.V7_0);
		assertThat(TdsVersion.negotiate(0x07010000L)).isEqualTo(TdsVersion.V7_1);
	}

	@Test
	void speaksTdsEightWithAStrictClientInTheTokensOfSevenFour() {
		assertThat(TdsVersion.negotiate(0x08000000L)).isEqualTo(TdsVersion.V8_0);
		assertThat(TdsVersion.V8_0.isSql2005OrLater()).isTrue();
		assertThat(TdsVersion.V8_0.wire()).isEqualTo(0x08000000L);
	}

	@Test
	void speaksSevenFourWithANewerClient() {
		assertThat(TdsVersion.negotiate(0x75000000L)).isEqualTo(TdsVersion.V7_4);
	}

	@Test
	void refusesAVersionBeforeSevenZero() {
		assertThatThrownBy(() -> TdsVersion.negotiate(0x05000000L)).isInstanceOf(TdsProtocolException.class);
	}

	@Test
	void acknowledgesSevenZeroTheWaySqlServerSevenDid() {
		// jTDS reads 0x70000000 in a LOGINACK as 7.1 and then sends collations a 7.0 server does not expect
		assertThat(TdsVersion.V7_0.wire()).isEqualTo(0x07000000L);
		assertThat(TdsVersion.V7_1.wire()).isEqualTo(0x71000001L);
	}

}
