package org.pchatfailover.lync;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.ActiveServerEvidence.ServerPing;
import org.pchatfailover.sqlserver.ServerIdentity;
import org.pchatfailover.sqlserver.ServerIdentityService;
import org.pchatfailover.topology.Pool;

/**
 * Reads mgc.dbo.tblServerIdentity before and after Set-CsPersistentChatActiveServer and waits, bounded, until every
 * server set active has updated its row. A changed serverLastPingTime is the evidence, not its value: the references
 * do not say in which time zone servers write it, and a row log shipping brought from the primary holds an old
 * ping that must not count. Which row is a server's: the references do not show serverAddress's format (a "Windows
 * Communication Foundation address"), so a row is a server's when the address's host is the server's FQDN.
 */
final class ActiveServerVerification {

	private final ServerIdentityService servers;

	private final Duration wait;

	private final Duration poll;

	ActiveServerVerification(ServerIdentityService servers, Duration wait, Duration poll) {
		this.servers = servers;
		this.wait = wait;
		this.poll = poll;
	}

	/** The pings before the set, by server address; null when the table cannot be read. */
	Map<String, ServerIdentity> before(Pool pool, ActionLog actions) {
		try {
			Map<String, ServerIdentity> rows = new HashMap<>();
			servers.readServerIdentities(pool, actions).forEach(row -> rows.put(host(row.serverAddress()), row));
			return rows;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Waits for the pings of the servers set, at most {@code wait}, and records what the table shows. */
	ActiveServerEvidence after(Pool pool, List<String> set, Map<String, ServerIdentity> before, ActionLog actions) {
		Instant deadline = Instant.now().plus(wait);
		String instance = pool.backupSql().displayName();
		while (true) {
			ActiveServerEvidence evidence;
			try {
				evidence = evidence(pool, set, before == null ? Map.of() : before,
						servers.readServerIdentities(pool, new ActionLog()));
			}
			catch (RuntimeException ex) {
				evidence = new ActiveServerEvidence(instance, pool.database(), List.of(), ex.getMessage());
			}
			if (evidence.confirmed() || evidence.unreadable() != null || !Instant.now().plus(poll).isBefore(deadline)) {
				actions.record(instance, "check", "SELECT serverID, serverAddress, serverLastPingTime FROM "
						+ pool.database() + ".dbo.tblServerIdentity (waited up to " + wait.toSeconds() + " s for pings)",
						evidence.summary().strip(), true, Duration.ZERO);
				return evidence;
			}
			sleep();
		}
	}

	private static ActiveServerEvidence evidence(Pool pool, List<String> set, Map<String, ServerIdentity> before,
			List<ServerIdentity> rows) {
		Map<String, ServerIdentity> now = new HashMap<>();
		rows.forEach(row -> now.put(host(row.serverAddress()), row));
		List<ServerPing> pings = new ArrayList<>();
		for (String server : set) {
			String fqdn = server.toLowerCase(Locale.ROOT);
			ServerIdentity row = now.get(fqdn);
			ServerIdentity old = before.get(fqdn);
			boolean sinceSet = row != null && row.lastPingLocal() != null
					&& (old == null || !Objects.equals(old.lastPingLocal(), row.lastPingLocal()));
			pings.add(new ServerPing(fqdn, row == null ? null : row.serverAddress(),
					row == null ? null : row.lastPingLocal(), sinceSet));
		}
		return new ActiveServerEvidence(pool.backupSql().displayName(), pool.database(), pings, null);
	}

	/** The host of a WCF address such as {@code net.tcp://dal-pc-001.litwareinc.com:8011/...}, else the address. */
	static String host(String address) {
		if (address == null) {
			return "";
		}
		try {
			String host = URI.create(address.strip()).getHost();
			return (host == null ? address.strip() : host).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return address.strip().toLowerCase(Locale.ROOT);
		}
	}

	private void sleep() {
		try {
			Thread.sleep(poll.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the active servers' pings", ex);
		}
	}

}
