package org.pchatfailover.lync;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the database says about the active servers just set: which of them pinged the new principal's Persistent
 * Chat database since, and when. No cmdlet returns the active-server list, so this is the evidence there is.
 *
 * @param instance the SQL Server read, {@code host\instance}
 * @param database the Persistent Chat database read
 * @param servers one entry per server set active, in the order set
 * @param unreadable why the table could not be read, null when it could
 */
public record ActiveServerEvidence(String instance, String database, List<ServerPing> servers, String unreadable) {

	/**
	 * @param serverAddress the server's row, null when it has none
	 * @param lastPing serverLastPingTime as the server wrote it (its clock), null without a row
	 * @param sinceSet the ping changed after the servers were set: the server runs against this database
	 */
	public record ServerPing(String server, String serverAddress, LocalDateTime lastPing, boolean sinceSet) {
	}

	/** Every server pinged the database after the set. */
	public boolean confirmed() {
		return unreadable == null && !servers.isEmpty() && servers.stream().allMatch(ServerPing::sinceSet);
	}

	/** The evidence in the words of the VerifyService form and the report. */
	public String summary() {
		StringBuilder text = new StringBuilder();
		if (unreadable != null) {
			return text.append("Active servers set, not confirmed by the database: ").append(database)
				.append(".dbo.tblServerIdentity on ").append(instance).append(" could not be read (").append(unreadable)
				.append(")\n").toString();
		}
		text.append(confirmed() ? "Active servers set and confirmed by the database: "
				: "Active servers set, not confirmed by the database: ")
			.append(database).append(".dbo.tblServerIdentity on ").append(instance).append('\n');
		for (ServerPing ping : servers) {
			text.append("  - ").append(ping.server()).append(": ");
			if (ping.serverAddress() == null) {
				text.append("no row, it has not pinged ").append(database);
			}
			else {
				text.append(ping.sinceSet() ? "pinged " : "no ping since the set; last ping ").append(ping.lastPing())
					.append(" (serverLastPingTime as stored, in a time zone the references do not name)");
			}
			text.append('\n');
		}
		return text.toString();
	}

}
