package org.pchatfailover.lync;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.lync.cmdlets.LabDatabaseProbe;
import org.pchatfailover.sqlserver.DatabaseMirroringRow;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.sqlserver.DatabaseStatus;
import org.pchatfailover.sqlserver.ServerIdentity;
import org.pchatfailover.sqlserver.ServerIdentityService;
import org.pchatfailover.sqlserver.SqlServerException;
import org.pchatfailover.topology.Pool;

/**
 * The backup SQL Server without sockets: the lab Lync shell starts mirroring on it and the product reads
 * sys.database_mirroring from it, so both sides agree as they do on real systems unless a test says otherwise.
 */
final class FakeBackupSql implements LabDatabaseProbe {

	private DatabaseMirroringRow mirroring = new DatabaseMirroringRow(null, null, null, null);

	private boolean pinned;

	private DatabaseStatus database = new DatabaseStatus("mgc", DatabaseStatus.ONLINE, null, false, false);

	private int reads;

	/** Each server's row of mgc.dbo.tblServerIdentity: its last ping, by FQDN. */
	private final Map<String, LocalDateTime> pings = new LinkedHashMap<>();

	private Supplier<List<String>> activeServers = List::of;

	private boolean serversPing = true;

	private boolean tableReadable = true;

	private int pingReads;

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

	/** What sys.databases shows of mgc from now on; ONLINE until a test says otherwise. */
	void databaseIs(String state) {
		database = new DatabaseStatus("mgc", state, null, false, false);
	}

	int reads() {
		return reads;
	}

	/** A row log shipping brought from the primary: a server's ping from before the outage. */
	void loggedShippedPing(String server, LocalDateTime lastPing) {
		pings.put(server, lastPing);
	}

	/** The servers set active never run against the database (their service does not start). */
	void serversDoNotPing() {
		serversPing = false;
	}

	void tableUnreadable() {
		tableReadable = false;
	}

	/**
	 * dbo.tblServerIdentity as the active servers update it: at each read every active server has pinged once more.
	 * @param active the servers the lab Lync shell has active now
	 */
	ServerIdentityService serverIdentityService(Supplier<List<String>> active) {
		this.activeServers = active;
		return new ServerIdentityService(null) {

			@Override
			public List<ServerIdentity> readServerIdentities(Pool pool, ActionLog actions) {
				if (!tableReadable) {
					throw new SqlServerException("read Persistent Chat servers in mgc failed: 208 Invalid object name "
							+ "'mgc.dbo.tblServerIdentity'.", 208, "dal-sql-bk.litwareinc.com\\PCHAT", "SELECT", null);
				}
				pingReads++;
				if (serversPing) {
					activeServers.get().forEach(server -> pings.put(server,
							LocalDateTime.of(2026, 11, 29, 13, 0).plusSeconds(10L * pingReads)));
				}
				List<ServerIdentity> rows = new ArrayList<>();
				int id = 1;
				for (Map.Entry<String, LocalDateTime> ping : pings.entrySet()) {
					rows.add(new ServerIdentity(id++, "net.tcp://" + ping.getKey() + ":8011/ChannelServer",
							ping.getValue().toInstant(ZoneOffset.ofHours(-6)), ping.getValue()));
				}
				return rows;
			}

		};
	}

	DatabaseMirroringService mirroringService() {
		return new DatabaseMirroringService(null) {

			@Override
			public Optional<DatabaseMirroringRow> readBackupMirroring(Pool pool, ActionLog actions) {
				reads++;
				return Optional.of(mirroring);
			}

			@Override
			public Optional<DatabaseStatus> readBackupDatabase(Pool pool, ActionLog actions) {
				return Optional.of(database);
			}

		};
	}

}
