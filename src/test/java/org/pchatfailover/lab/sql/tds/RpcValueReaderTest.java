package org.pchatfailover.lab.sql.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RPC parameter values as TDS 7.0 to 7.4 clients encode them ([MS-TDS] 2.2.5.4, 2.2.6.6). */
class RpcValueReaderTest {

	@Test
	void readsNvarcharWithACollationFromSevenOneOn() {
		assertThat(read(TdsVersion.V7_1, "e7" + "401f" + "0904d00034" + "0400" + "6d006700")).isEqualTo("mg");
	}

	@Test
	void readsNvarcharWithoutACollationFromASevenZeroClient() {
		assertThat(read(TdsVersion.V7_0, "e7" + "401f" + "0400" + "6d006700")).isEqualTo("mg");
	}

	@Test
	void readsNtextAndTextThatOldClientsSendForLongValues() {
		assertThat(read(TdsVersion.V7_1, "63" + "02000000" + "0904d00034" + "04000000" + "6d006700")).isEqualTo("mg");
		assertThat(read(TdsVersion.V7_1, "23" + "02000000" + "0904d00034" + "02000000" + "6d67")).isEqualTo("mg");
		assertThat(read(TdsVersion.V7_1, "23" + "00000000" + "0904d00034" + "ffffffff")).isNull();
	}

	@Test
	void readsImageAsBytes() {
		assertThat(read(TdsVersion.V7_1, "22" + "02000000" + "02000000" + "cafe"))
			.isEqualTo(new byte[] { (byte) 0xCA, (byte) 0xFE });
	}

	private static Object read(TdsVersion version, String hex) {
		TdsReader reader = new TdsReader(HexFormat.of().parseHex(hex));
		Object value = new RpcValueReader(reader, version).read(1, "@p");
		assertThat(reader.hasRemaining()).isFalse();
		return value;
	}

}
