package org.pchatfailover.lync;

import java.util.Optional;

import org.pchatfailover.lab.lync.cmdlets.LabDatabaseProbe;
import org.pchatfailover.report.ActionLog;
import org.pchatfailover.sqlserver.DatabaseMirroring;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.topology.Pool;

/**
 * The backup SQL Server without sockets: the lab Lync shell starts mirroring on it and the product reads
 * sys.database_mirroring from it, so both sides agree as they do on real systems unless a test says otherwise.
 */
final class FakeBackupSql implements LabDatabaseProbe {

	private DatabaseMirroring mirroring = new DatabaseMirroring(null, null, null, null);

	private boolean pinned;

	private int reads;

	@Override
	public String databaseState(String sqlServerFqdn, String instance, String database) {
		return "ONLINE";
	}

	@Override
	public void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress) {
		if (pinned) {
			return;
		}
		String host = partnerAddress.replaceFirst("(?i)^TCP://", "").split("[.:]")[0].toUpperCase();
		mirroring = new DatabaseMirroring("PRINCIPAL", "SYNCHRONIZED", host + "\\PCHAT", partnerAddress);
	}

	/** What sys.database_mirroring shows from now on, whatever the shell does. */
	void shows(DatabaseMirroring row) {
		mirroring = row;
		pinned = true;
	}

	int reads() {
		return reads;
	}

	DatabaseMirroringService mirroringService() {
		return new DatabaseMirroringService(null) {

			@Override
			public Optional<DatabaseMirroring> readBackupMirroring(Pool pool, ActionLog actions) {
				reads++;
				return Optional.of(mirroring);
			}

		};
	}

}
