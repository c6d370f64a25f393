package org.pchatfailover.sqlserver;

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

	/** The partner is the configured instance ({@link ServerNames#denotes}). */
	boolean isPartner(SqlInstance mirror) {
		return ServerNames.denotes(partnerInstance, mirror);
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
