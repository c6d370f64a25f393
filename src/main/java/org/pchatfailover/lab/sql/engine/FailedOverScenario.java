package org.pchatfailover.lab.sql.engine;

import java.util.UUID;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.engine.LabSqlState.Mirroring;
import org.pchatfailover.lab.sql.engine.LabSqlState.RestoreHistory;

/**
 * Lab scenario {@code failed-over}: the backup instance as a completed failover leaves it, so a failback can be
 * drilled without running one. Every log backup restored, then log shipping removed (RemoveLogShipping), mgc
 * recovered (RecoverDatabase: ONLINE, a restore WITH RECOVERY in msdb's history) and mirrored to the backup mirror
 * (InstallMirror: PRINCIPAL, SYNCHRONIZED, as the lab's principal side shows any session). The Lync shell's
 * {@code failed-over} scenario has the pool FailedOver with the Dallas servers active.
 */
final class FailedOverScenario {

	/** The backup mirror as sys.database_mirroring names it after Install-CsMirrorDatabase in the lab pool. */
	static final String MIRROR_ADDRESS = "TCP://dal-sql-mr.litwareinc.com:5022";

	static final String MIRROR_SERVER = "DAL-SQL-MR\\PCHAT";

	private FailedOverScenario() {
	}

	static void apply(LabSqlState state) {
		Database mgc = state.database(LabScenarios.DATABASE);
		state.logShippingSecondary.clear();
		state.logShippingSecondaryDatabases.clear();
		state.logShippingMonitorSecondary.clear();
		state.replace(mgc.withState("ONLINE", null));
		RestoreHistory last = state.restoreHistory.get(state.restoreHistory.size() - 1);
		state.restoreHistory.add(new RestoreHistory(last.id() + 1, last.restoreDate().plusSeconds(60), mgc.name(), "D",
				null, null, null, true, null));
		state.mirroring.add(new Mirroring(mgc.id(), UUID.randomUUID(), "PRINCIPAL", "SYNCHRONIZED", MIRROR_ADDRESS,
				MIRROR_SERVER));
	}

}
