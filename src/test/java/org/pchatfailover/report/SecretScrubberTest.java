package org.pchatfailover.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

	@Test
	void blanksPasswordValuesWhereverTheyAreQuoted() {
		assertThat(SecretScrubber.scrub("jdbc:sqlserver://dal-sql-bk;user=pchat;password=s3cr;et=x;encrypt=true"))
			.isEqualTo("jdbc:sqlserver://dal-sql-bk;user=pchat;password=***;et=x;encrypt=true");
		assertThat(SecretScrubber.scrub("Server=x;Pwd = 'a b';Database=mgc")).isEqualTo("Server=x;Pwd = ***;Database=mgc");
		assertThat(SecretScrubber.scrub("{\"user\":\"lab\",\"password\":\"hunter2\"}"))
			.isEqualTo("{\"user\":\"lab\",\"password\":***}");
		assertThat(SecretScrubber.scrub("New-Credential -Password $plain -User x")).isEqualTo("New-Credential -Password *** -User x");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		String text = "RESTORE LOG @P0 FROM DISK = @P1 WITH NORECOVERY [@P0 = N'mgc'] -> password files unchanged";
		assertThat(SecretScrubber.scrub(text)).isEqualTo(text);
		assertThat(SecretScrubber.scrub(null)).isNull();
	}

}
