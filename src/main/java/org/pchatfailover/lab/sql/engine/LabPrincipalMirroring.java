package org.pchatfailover.lab.sql.engine;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.engine.LabSqlState.Mirroring;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The principal's side of database mirroring: {@code ALTER DATABASE ... SET PARTNER} and
 * {@code sys.database_mirroring}. The lab has no mirror instance to talk to, so a session starts SYNCHRONIZED
 * with the partner named in the statement, as a healthy session would be shortly after Install-CsMirrorDatabase.
 * The Lab prefix keeps it apart from the product's own mirroring code, which reads this view as a client.
 */
final class LabPrincipalMirroring {

	private static final Pattern ADDRESS = Pattern.compile("(?i)TCP://([A-Za-z0-9.-]+):(\\d{1,5})");

	private static final SqlType DESC = SqlType.nvarchar(60);

	private static final SqlType NAME = SqlType.nvarchar(128);

	private final Function<String, String> partnerInstances;

	/**
	 * @param partnerInstances the {@code @@SERVERNAME} of the instance listening on a host FQDN: a real partner
	 * reports it during the handshake, the lab knows it from the pool configuration
	 */
	LabPrincipalMirroring(Function<String, String> partnerInstances) {
		this.partnerInstances = partnerInstances;
	}

	/** The default instance on the host: the NetBIOS name, as {@code @@SERVERNAME} reports it. */
	static String defaultInstance(String hostFqdn) {
		return hostFqdn.split("\\.")[0].toUpperCase(Locale.ROOT);
	}

	Outcome setPartner(LabSqlState state, String name, String partner) {
		Database database = state.database(name);
		if (database == null) {
			throw new SqlException(SqlErrors.cannotAlterDatabase(name));
		}
		Mirroring current = state.mirroringOf(database.id());
		if (partner == null) {
			if (current == null) {
				throw new SqlException(SqlErrors.notConfiguredForMirroring(database.name()));
			}
			state.mirroring.remove(current);
			return new Outcome.Done(-1);
		}
		// a RESTORING copy would become a mirror waiting for its principal: the lab simulates only the principal
		if (!"ONLINE".equals(database.state()) || database.standby()) {
			throw new SqlException(SqlErrors.notConfiguredForMirroring(database.name()));
		}
		if (!"FULL".equals(SystemViews.recoveryModel(database))) {
			throw new SqlException(SqlErrors.notFullRecovery(database.name()));
		}
		Matcher address = ADDRESS.matcher(partner);
		if (!address.matches()) {
			throw new SqlException(SqlErrors.partnerUnreachable(partner));
		}
		String host = address.group(1).toLowerCase(Locale.ROOT);
		if (current != null) {
			state.mirroring.remove(current);
		}
		state.mirroring.add(new Mirroring(database.id(), UUID.randomUUID(), "PRINCIPAL", "SYNCHRONIZED",
				"TCP://" + host + ":" + address.group(2), partnerInstances.apply(host)));
		return new Outcome.Done(-1);
	}

	/** One row per database; the mirroring columns are NULL for a database that is not mirrored. */
	static Table view(LabSqlState state) {
		Table.Builder table = Table.named("sys.database_mirroring").column("database_id", SqlType.INT)
			.column("mirroring_guid", SqlType.UNIQUEIDENTIFIER).column("mirroring_state", SqlType.TINYINT)
			.column("mirroring_state_desc", DESC).column("mirroring_role", SqlType.TINYINT)
			.column("mirroring_role_desc", DESC).column("mirroring_role_sequence", SqlType.INT)
			.column("mirroring_safety_level", SqlType.TINYINT).column("mirroring_safety_level_desc", DESC)
			.column("mirroring_partner_name", NAME).column("mirroring_partner_instance", NAME)
			.column("mirroring_witness_name", NAME).column("mirroring_witness_state_desc", DESC)
			.column("mirroring_connection_timeout", SqlType.INT);
		for (Database d : state.databases) {
			Mirroring m = state.mirroringOf(d.id());
			if (m == null) {
				table.row(d.id(), null, null, null, null, null, null, null, null, null, null, null, null, null);
			}
			else {
				// Install-CsMirrorDatabase sets up high safety (SAFETY FULL) without a witness
				table.row(d.id(), m.guid(), stateCode(m.state()), m.state(), "PRINCIPAL".equals(m.role()) ? 1 : 2,
						m.role(), 1, 2, "FULL", m.partnerName(), m.partnerInstance(), null, "UNKNOWN", 10);
			}
		}
		return table.build();
	}

	private static int stateCode(String state) {
		return switch (state) {
			case "SUSPENDED" -> 0;
			case "DISCONNECTED" -> 1;
			case "SYNCHRONIZING" -> 2;
			case "PENDING_FAILOVER" -> 3;
			default -> 4;
		};
	}

}
