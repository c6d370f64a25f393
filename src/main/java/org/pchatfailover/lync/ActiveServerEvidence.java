package org.pchatfailover.lync;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.pchatfailover.i18n.DisplaySentences;

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

	/**
	 * The evidence in the words of the VerifyService form and the report: English as stored, one template of
	 * {@code display.evidence.*} a line, said in the reader's language on the form (i18n.DisplaySentences).
	 */
	public String summary() {
		Map<String, String> table = Map.of("database", database, "instance", instance);
		if (unreadable != null) {
			return line("unreadable", Map.of("database", database, "instance", instance, "reason", unreadable));
		}
		StringBuilder text = new StringBuilder(line(confirmed() ? "confirmed" : "notConfirmed", table));
		for (ServerPing ping : servers) {
			if (ping.serverAddress() == null) {
				text.append(line("noRow", Map.of("server", ping.server(), "database", database)));
			}
			else {
				text.append(line(ping.sinceSet() ? "pinged" : "notPinged",
						Map.of("server", ping.server(), "time", String.valueOf(ping.lastPing()))));
			}
		}
		return text.toString();
	}

	private static String line(String template, Map<String, String> values) {
		return DisplaySentences.english("evidence." + template, values) + "\n";
	}

}
