package org.pchatfailover.lab.lync.cmdlets;

import java.util.List;

import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.PsError;

/**
 * The {@code -DatabaseType} values (type DatabaseNameType) of Get-CsDatabaseMirrorState and
 * Install-CsMirrorDatabase, per version. The references list them in these orders; they are silent on the
 * enumeration's own order and namespace, so the lab's conversion error names the type as the reference does.
 */
final class DatabaseTypes {

	/**
	 * Lync Server 2013: Install-CsMirrorDatabase's Lync Server 2013 block (office-docs-powershell
	 * skype/vlatest/Install-CsMirrorDatabase.md at 4ce81162) and the Lync-era Get-CsDatabaseMirrorState page
	 * (OfficeDocs-SkypeForBusiness Skype/SfbServer/sfbs2019/get-csdatabasemirrorstate.md at bbfcde79). The
	 * references contradict each other: office-docs-powershell's own Lync 2013 list for Get-CsDatabaseMirrorState
	 * is App, Archiving, CMS, Monitoring, Provision, User, without PersistentChat; the runbook needs PersistentChat.
	 */
	static final List<String> LYNC_2013 = List.of("Application", "Archiving", "Monitoring", "User", "Provision",
			"CentralAdmin", "Lyss", "Registrar", "Edge", "PersistentChat", "PersistentChatCompliance", "CentralMgmt");

	/**
	 * Skype for Business Server 2015: the SfB page of Get-CsDatabaseMirrorState (OfficeDocs-SkypeForBusiness
	 * Skype/SfbServer/manage/management-shell/get-csdatabasemirrorstate.md); office-docs-powershell at 93336da2
	 * lists the same values alphabetically for both cmdlets.
	 */
	static final List<String> SKYPE_2015 = List.of("Application", "Archiving", "Monitoring", "User", "Provision",
			"Lyss", "Registrar", "Edge", "PersistentChat", "PersistentChatCompliance", "CentralMgmt",
			"SigninTelemetry", "ActiveMonitoring");

	static final String PERSISTENT_CHAT = "PersistentChat";

	private DatabaseTypes() {
	}

	/**
	 * {@code -DatabaseType} in its canonical case, null when absent.
	 * @throws PsError PowerShell's enum conversion error for a value the pool's version does not have
	 */
	static String of(Bound args, LabPool pool) {
		String value = args.text("DatabaseType");
		if (value == null) {
			return null;
		}
		List<String> names = pool.isSkypeForBusiness2015() ? SKYPE_2015 : LYNC_2013;
		return names.stream()
			.filter(name -> name.equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> PsError.enumConversion(args.cmdlet(), "DatabaseType", value, "DatabaseNameType", names));
	}

}
