package org.pchatfailover.lab.sql.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pchatfailover.lab.sql.engine.Column;
import org.pchatfailover.lab.sql.engine.SqlType;
import org.pchatfailover.lab.sql.engine.SqlVariant;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/** Tokens whose layout changed between TDS versions, byte for byte as [MS-TDS] 2.2.7 gives them. */
class TokenWriterTest {

	@Test
	void countsDoneRowsIn32BitsBeforeSevenTwoAnd64BitsSince() {
		assertThat(hex(writer(TdsVersion.V7_1).done(TokenWriter.TOKEN_DONE, TokenWriter.DONE_COUNT, 0xC1, 3)))
			.isEqualTo("fd" + "1000" + "c100" + "03000000");
		assertThat(hex(writer(TdsVersion.V7_4).done(TokenWriter.TOKEN_DONE, TokenWriter.DONE_COUNT, 0xC1, 3)))
			.isEqualTo("fd" + "1000" + "c100" + "0300000000000000");
	}

	@Test
	void describesColumnsWith16BitUserTypesBeforeSevenTwo() {
		List<Column> id = List.of(new Column("id", SqlType.INT));
		assertThat(hex(writer(TdsVersion.V7_1).columns(id))).isEqualTo("81" + "0100" + "0000" + "0100" + "2604"
				+ "02" + "69006400");
		assertThat(hex(writer(TdsVersion.V7_4).columns(id))).isEqualTo("81" + "0100" + "00000000" + "0100"
				+ "2604" + "02" + "69006400");
	}

	@Test
	void leavesCollationsOutAndSendsBigintAsNumericForSevenZero() {
		List<Column> columns = List.of(new Column("n", SqlType.nvarchar(2)), new Column("b", SqlType.BIGINT));
		assertThat(hex(writer(TdsVersion.V7_0).columns(columns).row(columns, List.of("x", 5L))))
			.isEqualTo("81" + "0200" + "0000" + "0100" + "e70400" + "01" + "6e00" //
					+ "0000" + "0100" + "6c091300" + "01" + "6200" //
					+ "d1" + "0200" + "7800" + "09" + "01" + "0500000000000000");
		assertThat(hex(writer(TdsVersion.V7_1).columns(columns.subList(0, 1))))
			.isEqualTo("81" + "0100" + "0000" + "0100" + "e70400" + "0904d00034" + "01" + "6e00");
	}

	/** [MS-TDS] 2.2.5.5.4: base type, property bytes, properties (nvarchar: collation and max length), data. */
	@Test
	void sendsSqlVariantsWithTheirBaseTypes() {
		List<Column> columns = List.of(new Column("v", SqlType.SQL_VARIANT), new Column("e", SqlType.SQL_VARIANT),
				new Column("x", SqlType.SQL_VARIANT));
		assertThat(hex(writer(TdsVersion.V7_4).columns(columns.subList(0, 1))))
			.isEqualTo("81" + "0100" + "00000000" + "0100" + "62" + "491f0000" + "01" + "7600");
		assertThat(hex(writer(TdsVersion.V7_4).row(columns,
				Arrays.asList(SqlVariant.nvarchar("11"), SqlVariant.integer(3), null))))
			.isEqualTo("d1" + "0d000000" + "e7" + "07" + "0904d00034" + "0001" + "31003100" //
					+ "06000000" + "38" + "00" + "03000000" //
					+ "00000000");
	}

	@Test
	void sendsASevenZeroClientTheVariantsValueAsText() {
		List<Column> columns = List.of(new Column("v", SqlType.SQL_VARIANT));
		assertThat(hex(writer(TdsVersion.V7_0).columns(columns).row(columns, List.of(SqlVariant.integer(3)))))
			.isEqualTo("81" + "0100" + "0000" + "0100" + "e7401f" + "01" + "7600" + "d1" + "0200" + "3300");
	}

	@Test
	void numbersMessageLinesIn16BitsBeforeSevenTwo() {
		SqlMessage error = new SqlMessage(102, 15, 1, "x");
		String body = "66000000" + "01" + "0f" + "0100" + "7800" + "01" + "5300" + "00";
		assertThat(hex(new TokenWriter("S", TdsVersion.V7_1).message(error, ""))).isEqualTo("aa" + "1000" + body
				+ "0100");
		assertThat(hex(new TokenWriter("S", TdsVersion.V7_4).message(error, ""))).isEqualTo("aa" + "1200" + body
				+ "01000000");
	}

	@Test
	void acknowledgesTheLoginInTheNegotiatedVersion() {
		byte[] ack = writer(TdsVersion.V7_1).loginAck("M", new byte[] { 16, 0, 3, (byte) 0xE8 }).toByteArray();
		assertThat(HexFormat.of().formatHex(ack, 4, 8)).isEqualTo("71000001");
	}

	@Test
	void givesASevenZeroClientACharacterSetInsteadOfACollation() {
		assertThat(hex(writer(TdsVersion.V7_0).serverCollation())).startsWith("e3" + "0d00" + "03" + "05"
				+ "690073006f005f003100" + "00");
		assertThat(hex(writer(TdsVersion.V7_1).serverCollation())).isEqualTo("e3" + "0800" + "07" + "05"
				+ "0904d00034" + "00");
	}

	private static TokenWriter writer(TdsVersion version) {
		return new TokenWriter("S", version);
	}

	private static String hex(TokenWriter writer) {
		return HexFormat.of().formatHex(writer.toByteArray());
	}

}
