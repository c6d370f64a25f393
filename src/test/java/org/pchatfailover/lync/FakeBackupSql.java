package org.pchatfailover.lync;

import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.lync.cmdlets.LabDatabaseProbe;
import org.pchatfailover.sqlserver.DatabaseMirroringRow;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.topology.Pool;

/**
 * The backup SQL Server without sockets: the lab Lync shell starts mirroring on it and the product reads
 * sys.database_mirroring from it, so both sides agree as they do on real systems unless a test says otherwise.
 */
final class FakeBackupSql implements LabDatabaseProbe {

	private DatabaseMirroringRow mirroring = new DatabaseMirroringRow(null, null, null, null);

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
		mirroring = new DatabaseMirroringRow("PRINCIPAL", "SYNCHRONIZED", host + "\\PCHAT", partnerAddress);
	}

	/** What sys.database_mirroring shows from now on, whatever the shell does. */
	void shows(DatabaseMirroringRow row) {
		mirroring = row;
		pinned = true;
	}

	int reads() {
		return reads;
	}

	DatabaseMirroringService mirroringService() {
		return new DatabaseMirroringService(null) {

			@Override
			public Optional<DatabaseMirroringRow> readBackupMirroring(Pool pool, ActionLog actions) {
				reads++;
				return Optional.of(mirroring);
			}

		};
	}

}
