package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures.crlf;

/** Set-CsPersistentChatActiveServer as a Lync admin types it from the cmdlet reference's examples. */
class ActiveServerCmdletsTest {

	private static final String POOL = LabLyncFixtures.POOL;

	@TempDir
	Path dir;

	private LabLyncShell lab(LabLyncTopology topology) {
		return LabLyncFixtures.shell(dir, topology, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL);
	}

	private static LabLyncState.PoolState pool(LabLyncShell lab, String fqdn) {
		return lab.state().pools().get(fqdn);
	}

	@Test
	void addsAndRemovesAsTheLync2013ExamplesDo() {
		LabLyncShell lab = lab(LabLyncFixtures.TOPOLOGY);

		LabLyncShell.Result result = lab.execute("Set-CsPersistentChatActiveServer -Identity \"global\""
				+ " -ActiveServers @{Add=\"dal-pc-001.litwareinc.com\"}\n"
				+ "Set-CsPersistentChatActiveServer -Identity \"GLOBAL\" -ActiveServers @{Remove=\"atl-pc-001.litwareinc.com\"}\n"
				+ "Set-CsPersistentChatActiveServer -ActiveServers @{Remove='atl-pc-002.litwareinc.com','dal-pc-002.litwareinc.com'}");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stderr()).isEmpty();
		assertThat(pool(lab, POOL).activeServers()).containsExactly("dal-pc-001.litwareinc.com");
	}

	@Test
	void clearsTheActiveServersOfEveryPoolWithNull() {
		LabLyncShell lab = lab(LabLyncFixtures.TWO_POOLS);

		lab.execute("Set-CsPersistentChatActiveServer -Identity \"global\" -ActiveServers $Null");

		assertThat(pool(lab, POOL).activeServers()).isEmpty();
		assertThat(pool(lab, LabLyncFixtures.SECOND_POOL).activeServers()).isEmpty();
	}

	@Test
	void changesThePoolEachServerBelongsToInTheOneGlobalCollection() {
		LabLyncShell lab = lab(LabLyncFixtures.TWO_POOLS);

		lab.execute("Set-CsPersistentChatActiveServer -Identity global"
				+ " -ActiveServers @{Add='pdx-pc-001.litwareinc.com','dal-pc-001.litwareinc.com'}");

		assertThat(pool(lab, POOL).activeServers()).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com", "dal-pc-001.litwareinc.com");
		assertThat(pool(lab, LabLyncFixtures.SECOND_POOL).activeServers()).containsExactly("sea-pc-001.litwareinc.com",
				"pdx-pc-001.litwareinc.com");
	}

	@Test
	void swapsTheActiveStateOfThePoolsServers() {
		LabLyncShell lab = lab(LabLyncFixtures.TOPOLOGY);

		lab.execute("Set-CsPersistentChatActiveServer -Identity global -Swap");

		assertThat(pool(lab, POOL).activeServers()).containsExactly("dal-pc-001.litwareinc.com",
				"dal-pc-002.litwareinc.com");
	}

	@Test
	void refusesReplaceNamingTheFormsTheReferenceDocuments() {
		LabLyncShell lab = lab(LabLyncFixtures.TOPOLOGY);

		LabLyncShell.Result result = lab.execute("Set-CsPersistentChatActiveServer -Identity global"
				+ " -ActiveServers @{Replace='dal-pc-001.litwareinc.com'}");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).startsWith("Set-CsPersistentChatActiveServer : (lab) -ActiveServers @{Replace=...}"
				+ " is not documented for Set-CsPersistentChatActiveServer.")
			.contains("cmdlet reference", "@{Add=\"<fqdn>\"}", "@{Remove=\"<fqdn>\"}", "$Null", "-Swap");
		assertThat(pool(lab, POOL).activeServers()).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com");
	}

	@Test
	void refusesABareListOfServers() {
		LabLyncShell lab = lab(LabLyncFixtures.TOPOLOGY);

		LabLyncShell.Result result = lab.execute("Set-CsPersistentChatActiveServer -Identity global"
				+ " -ActiveServers 'dal-pc-001.litwareinc.com','dal-pc-002.litwareinc.com'");

		assertThat(result.stderr()).contains("-ActiveServers a list of servers", "is not documented",
				"@{Add=\"<fqdn>\"}");
		assertThat(pool(lab, POOL).activeServers()).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "service:atl-cs-001.litwareinc.com", "PersistentChatServer:atl-cs-001.litwareinc.com",
			"PChatServerCollection", "site:Dallas" })
	void refusesAnIdentityTheLync2013ReferenceDoesNotUse(String identity) {
		LabLyncShell lab = lab(LabLyncFixtures.TOPOLOGY);

		LabLyncShell.Result result = lab.execute("Set-CsPersistentChatActiveServer -Identity '" + identity
				+ "' -ActiveServers @{Add='dal-pc-001.litwareinc.com'}");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).startsWith("Set-CsPersistentChatActiveServer : Cannot find the Persistent Chat"
				+ " active server collection \"" + identity + "\".")
			.contains("atl-cs-001.litwareinc.com (Lync Server 2013)");
		assertThat(pool(lab, POOL).activeServers()).doesNotContain("dal-pc-001.litwareinc.com");
	}

	@Test
	void takesThePoolsServiceIdentityOnSkypeForBusinessServer2015() {
		LabLyncShell lab = lab(LabLyncFixtures.topology(LabPool.LYNC_2015));

		LabLyncShell.Result global = lab.execute("Set-CsPersistentChatActiveServer -Identity global"
				+ " -ActiveServers @{Add='dal-pc-001.litwareinc.com'}");
		LabLyncShell.Result service = lab.execute("Set-CsPersistentChatActiveServer"
				+ " -Identity 'persistentchatserver:ATL-CS-001.litwareinc.com' -ActiveServers @{Add='dal-pc-002.litwareinc.com'}");

		assertThat(global.stderr()).contains("Cannot find the Persistent Chat active server collection \"global\"",
				"atl-cs-001.litwareinc.com (Skype for Business Server 2015)");
		assertThat(service.exitCode()).isZero();
		assertThat(pool(lab, POOL).activeServers()).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com", "dal-pc-002.litwareinc.com");
	}

	@Test
	void saysWhatItWouldDoUnderWhatIfAndChangesNothing() {
		LabLyncShell lab = lab(LabLyncFixtures.TOPOLOGY);

		LabLyncShell.Result result = lab.execute("Set-CsPersistentChatActiveServer -Identity global"
				+ " -ActiveServers $Null -WhatIf");

		assertThat(result.stdout()).isEqualTo(crlf("What if: Performing the operation \"Set-CsPersistentChatActiveServer\""
				+ " on target \"global\".\n"));
		assertThat(pool(lab, POOL).activeServers()).hasSize(2);
	}

}
