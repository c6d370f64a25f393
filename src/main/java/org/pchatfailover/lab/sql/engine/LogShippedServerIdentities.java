package org.pchatfailover.lab.sql.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * dbo.tblServerIdentity as log shipping brings it from the primary: the primary data centre's Persistent Chat servers
 * (Atlanta in the lab pool), each last seen pinging when the newest log backup restored was taken. Nothing on the
 * backup side writes to the copy, so a recovered mgc shows stale pings until servers run against it.
 *
 * serverID is numbered from 1 in the order given, and serverAddress is {@code net.tcp://<fqdn>/ChannelServer}: the
 * schema calls it "Server address using the Windows Communication Foundation address" and shows no example, so
 * both are the lab's stand-ins (a WCF-style address with the server's FQDN).
 */
public final class LogShippedServerIdentities implements PersistentChatServers {

	private final List<String> primaryServers;

	/** @param primaryServers FQDNs of the pool's servers in the primary data centre */
	public LogShippedServerIdentities(List<String> primaryServers) {
		this.primaryServers = List.copyOf(primaryServers);
	}

	@Override
	public List<ServerIdentityRow> serverIdentities(String database, ZonedDateTime at, Instant restoredUpTo) {
		LocalDateTime lastPing = restoredUpTo == null ? null
				: LocalDateTime.ofInstant(restoredUpTo, at.getZone());
		List<ServerIdentityRow> rows = new ArrayList<>();
		for (int i = 0; i < primaryServers.size(); i++) {
			rows.add(new ServerIdentityRow(i + 1, "net.tcp://" + primaryServers.get(i) + "/ChannelServer", lastPing));
		}
		return rows;
	}

}
