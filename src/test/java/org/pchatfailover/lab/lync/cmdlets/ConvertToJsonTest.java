package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConvertTo-Json in Windows PowerShell 5.1's layout: two spaces after a colon, four per level, nested values
 * indented to the column after their property name, CRLF inside (PowerShell-Docs' 5.1 ConvertTo-Json examples).
 */
class ConvertToJsonTest {

	@TempDir
	Path dir;

	private String json(String script) {
		LabLyncShell.Result result = LabLyncFixtures
			.shell(dir, LabLyncFixtures.TWO_POOLS, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL)
			.execute(script);
		assertThat(result.stderr()).isEmpty();
		assertThat(result.exitCode()).isZero();
		return result.stdout();
	}

	private static String crlf(String text) {
		return text.replace("\n", "\r\n");
	}

	@Test
	void laysOutOneObjectBare() {
		assertThat(json("Get-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'"
				+ " | Select-Object Identity, PoolState | ConvertTo-Json"))
			.isEqualTo(crlf("""
					{
					    "Identity":  "service:atl-cs-001.litwareinc.com",
					    "PoolState":  "Normal"
					}""") + "\r\n");
	}

	@Test
	void laysOutSeveralObjectsAsAnArray() {
		assertThat(json("Get-CsPersistentChatState | Select-Object Identity, PoolState | ConvertTo-Json"))
			.isEqualTo(crlf("""
					[
					    {
					        "Identity":  "service:atl-cs-001.litwareinc.com",
					        "PoolState":  "Normal"
					    },
					    {
					        "Identity":  "service:sea-cs-001.litwareinc.com",
					        "PoolState":  "Normal"
					    }
					]""") + "\r\n");
	}

	@Test
	void indentsANestedArrayToTheColumnAfterItsName() {
		assertThat(json("Get-CsPool -Identity sea-cs-001.litwareinc.com | Select-Object Identity, Computers"
				+ " | ConvertTo-Json -Depth 4"))
			.isEqualTo(crlf("""
					{
					    "Identity":  "sea-cs-001.litwareinc.com",
					    "Computers":  [
					                      "sea-pc-001.litwareinc.com",
					                      "pdx-pc-001.litwareinc.com"
					                  ]
					}""") + "\r\n");
	}

	@Test
	void writesObjectsBelowTheDepthAsTheirStrings() {
		String pools = "Get-CsPool | Select-Object Identity, @{Name='Pool';Expression={$_}}";

		assertThat(json(pools + " | ConvertTo-Json -Depth 1 -Compress"))
			.isEqualTo("[{\"Identity\":\"atl-cs-001.litwareinc.com\",\"Pool\":\"@{Identity=atl-cs-001.litwareinc.com;"
					+ " Site=Atlanta; Services=PersistentChatServer:atl-cs-001.litwareinc.com; Computers=atl-pc-001"
					+ ".litwareinc.com atl-pc-002.litwareinc.com dal-pc-001.litwareinc.com dal-pc-002.litwareinc.com;"
					+ " Fqdn=atl-cs-001.litwareinc.com}\"},{\"Identity\":\"sea-cs-001.litwareinc.com\",\"Pool\":\"@{Identity"
					+ "=sea-cs-001.litwareinc.com; Site=Seattle; Services=PersistentChatServer:sea-cs-001.litwareinc.com;"
					+ " Computers=sea-pc-001.litwareinc.com pdx-pc-001.litwareinc.com; Fqdn=sea-cs-001.litwareinc.com}\"}]\r\n");
		assertThat(json(pools + " | Select-Object -Property Pool | Select-Object @{N='Computers';E={$_.Pool.Computers}}"
				+ " | ConvertTo-Json -Depth 1 -Compress"))
			.as("a collection below the depth joined by spaces")
			.isEqualTo("[{\"Computers\":\"atl-pc-001.litwareinc.com atl-pc-002.litwareinc.com dal-pc-001.litwareinc.com"
					+ " dal-pc-002.litwareinc.com\"},{\"Computers\":\"sea-pc-001.litwareinc.com pdx-pc-001.litwareinc.com\"}]\r\n");
	}

	@Test
	void compressesToJavaScriptSerializersFormWithItsEscapes() {
		assertThat(json("Write-Output 'it''s <lab> & \"co\"' | ConvertTo-Json -Compress"))
			.isEqualTo("\"it\\u0027s \\u003clab\\u003e \\u0026 \\\"co\\\"\"\r\n");
	}

	@Test
	void writesNothingForNoInputAndRefusesADepthOutsideOneToAHundred() {
		assertThat(json("Get-CsPersistentChatState | Where-Object PoolState -EQ FailedOver | ConvertTo-Json")).isEmpty();

		LabLyncShell shell = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL);
		assertThat(shell.execute("Get-CsPool | ConvertTo-Json -Depth 0").stderr()).isEqualTo("ConvertTo-Json : Cannot"
				+ " validate argument on parameter 'Depth'. The 0 argument is less than the minimum allowed range of 1."
				+ " Supply an argument that is greater than or equal to 1 and then try the command again.\n");
		assertThat(shell.execute("Get-CsPool | ConvertTo-Json -Depth 101").stderr())
			.isEqualTo("ConvertTo-Json : The maximum depth allowed for serialization is 100.\n");
	}

}
