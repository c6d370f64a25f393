package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures.crlf;

/** Get-CsPool as a Lync admin reads a pool's computers. */
class PoolCmdletsTest {

	@TempDir
	Path dir;

	private LabLyncShell.Result run(String script) {
		return LabLyncFixtures.shell(dir, LabLyncFixtures.TWO_POOLS, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL)
			.execute(script);
	}

	@Test
	void showsThePoolWithItsPersistentChatServersAsComputers() {
		LabLyncShell.Result result = run("Get-CsPool -Identity atl-cs-001.litwareinc.com");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(crlf("""

				Identity  : atl-cs-001.litwareinc.com
				Site      : Atlanta
				Services  : {PersistentChatServer:atl-cs-001.litwareinc.com}
				Computers : {atl-pc-001.litwareinc.com, atl-pc-002.litwareinc.com, dal-pc-001.litwareinc.com, \
				dal-pc-002.litwareinc.com}
				Fqdn      : atl-cs-001.litwareinc.com
				"""));
	}

	@Test
	void selectsPoolsBySiteOrFilterAndListsAllWithout() {
		assertThat(run("Get-CsPool -Site seattle").stdout()).contains("Identity  : sea-cs-001.litwareinc.com")
			.doesNotContain("atl-cs-001");
		assertThat(run("Get-CsPool -Filter 'atl-*'").stdout()).contains("Identity  : atl-cs-001.litwareinc.com")
			.doesNotContain("sea-cs-001");
		assertThat(run("Get-CsPool").stdout()).contains("atl-cs-001.litwareinc.com", "sea-cs-001.litwareinc.com");
	}

	@Test
	void refusesAnUnknownPoolAndIdentityWithFilter() {
		LabLyncShell.Result unknown = run("Get-CsPool -Identity xyz-cs-001.litwareinc.com");
		LabLyncShell.Result both = run("Get-CsPool -Identity atl-cs-001.litwareinc.com -Filter 'atl-*'");

		assertThat(unknown.stderr()).isEqualTo("Get-CsPool : Cannot find \"xyz-cs-001.litwareinc.com\" because it does"
				+ " not exist.\n");
		assertThat(both.stderr()).isEqualTo("Get-CsPool : Parameter set cannot be resolved using the specified named"
				+ " parameters.\n");
	}

}
