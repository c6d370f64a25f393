package org.pchatfailover.sqlserver;

import java.util.Locale;

import org.pchatfailover.topology.Pool.SqlInstance;

/**
 * A database's row of {@code sys.database_mirroring} as the product reads it from a real instance, on either side
 * of a mirroring session (the lab's simulated principal is {@code LabPrincipalMirroring}); every field is null when
 * the database is not mirrored.
 *
 * @param role {@code mirroring_role_desc}: PRINCIPAL or MIRROR
 * @param state {@code mirroring_state_desc}: SYNCHRONIZED, SYNCHRONIZING, SUSPENDED, DISCONNECTED, ...
 * @param partnerInstance {@code mirroring_partner_instance}: the partner's {@code @@SERVERNAME}, e.g.
 * {@code DAL-SQL-MR\PCHAT}
 * @param partnerName {@code mirroring_partner_name}: the partner's address, {@code TCP://host:port}
 */
public record DatabaseMirroringRow(String role, String state, String partnerInstance, String partnerName) {

	/** Principal, in sync or catching up (SYNCHRONIZING right after set-up), with the given mirror as partner. */
	public boolean isPrincipalMirroredTo(SqlInstance mirror) {
		return "PRINCIPAL".equalsIgnoreCase(role)
				&& ("SYNCHRONIZED".equalsIgnoreCase(state) || "SYNCHRONIZING".equalsIgnoreCase(state))
				&& isPartner(mirror);
	}

	/**
	 * SQL Server names the partner by its {@code @@SERVERNAME}, i.e. NetBIOS host name and instance
	 * ({@code DAL-SQL-MR\PCHAT}), while the pool configures the FQDN ({@code dal-sql-mr.litwareinc.com}): the
	 * partner matches when its host is the FQDN's first label (or the whole FQDN) and its instance is the
	 * configured one (none for a default instance), ignoring case.
	 */
	boolean isPartner(SqlInstance mirror) {
		if (partnerInstance == null) {
			return false;
		}
		String[] parts = partnerInstance.split("\\\\", 2);
		String host = parts[0].toLowerCase(Locale.ROOT);
		String instance = parts.length == 2 ? parts[1] : "";
		String fqdn = mirror.fqdn().toLowerCase(Locale.ROOT);
		boolean sameHost = host.equals(fqdn) || host.equals(fqdn.split("\\.")[0]);
		String configured = mirror.instance() == null ? "" : mirror.instance();
		return sameHost && instance.equalsIgnoreCase(configured);
	}

	/** What an operator reads in a failure: {@code PRINCIPAL/SYNCHRONIZED, partner DAL-SQL-MR\PCHAT}. */
	public String summary() {
		return role == null ? "not mirrored" : role + "/" + state + ", partner " + partnerInstance;
	}

	@Override
	public String toString() {
		return "mirroring_role_desc=" + role + ", mirroring_state_desc=" + state + ", mirroring_partner_instance="
				+ partnerInstance;
	}

}
