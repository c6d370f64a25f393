package org.pchatfailover.lab.sql;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.pchatfailover.lab.lync.cmdlets.LabLyncState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.sql.engine.PersistentChatServers;
import org.pchatfailover.topology.Pool;

/**
 * The lab's Persistent Chat servers at work: the active servers of a pool the lab Lync shell has FailedOver use the
 * pool's backup store, the lab SQL Server, and ping its database. Each pings first a little after it became active
 * (or the pool failed over, whichever came later) and then at a steady interval, overwriting the row log shipping
 * brought from the primary. The references give neither delay nor interval ("The latest time that the Channel
 * Server updated this row to give evidence that it is running"): both are the lab's choice, short for drills.
 */
final class LiveServerPings implements PersistentChatServers {

	static final Duration FIRST_PING = Duration.ofSeconds(2);

	static final Duration PING_INTERVAL = Duration.ofSeconds(10);

	private final List<Pool> pools;

	private final Supplier<LabLyncState> lync;

	private final PersistentChatServers logShipped;

	/**
	 * @param pools the lab's pools: the lab SQL Server is the backup instance of each
	 * @param lync the lab Lync shell's state now, null when the lab runs without its Lync shell
	 * @param logShipped the rows a recovered copy holds from the primary
	 */
	LiveServerPings(List<Pool> pools, Supplier<LabLyncState> lync, PersistentChatServers logShipped) {
		this.pools = List.copyOf(pools);
		this.lync = lync;
		this.logShipped = logShipped;
	}

	@Override
	public List<ServerIdentityRow> serverIdentities(String database, ZonedDateTime at, Instant restoredUpTo) {
		List<ServerIdentityRow> rows = new ArrayList<>(logShipped.serverIdentities(database, at, restoredUpTo));
		LabLyncState state = lync.get();
		if (state == null) {
			return rows;
		}
		for (Pool pool : pools) {
			PoolState poolState = state.pools().get(pool.fqdn());
			if (!pool.database().equalsIgnoreCase(database) || poolState == null
					|| !"FailedOver".equals(poolState.poolState())) {
				continue;
			}
			Instant lastPing = lastPing(poolState, at.toInstant());
			if (lastPing == null) {
				continue;
			}
			for (String server : poolState.activeServers()) {
				upsert(rows, server, LocalDateTime.ofInstant(lastPing, at.getZone()));
			}
		}
		return rows;
	}

	/** The last ping up to now, null before the first: since the later of failing over and becoming active. */
	private static Instant lastPing(PoolState state, Instant now) {
		Instant since = later(state.poolStateChangedAt(), state.activeServersChangedAt());
		Instant first = since == null ? now : since.plus(FIRST_PING);
		if (now.isBefore(first)) {
			return null;
		}
		long intervals = Duration.between(first, now).toMillis() / PING_INTERVAL.toMillis();
		return first.plus(PING_INTERVAL.multipliedBy(intervals));
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null || b == null) {
			return a == null ? b : a;
		}
		return a.isAfter(b) ? a : b;
	}

	// a server keeps its row (and serverID) and updates its ping; a server new to the table gets the next id
	private static void upsert(List<ServerIdentityRow> rows, String server, LocalDateTime lastPing) {
		String address = "net.tcp://" + server.toLowerCase(Locale.ROOT) + "/ChannelServer";
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).serverAddress().equalsIgnoreCase(address)) {
				rows.set(i, new ServerIdentityRow(rows.get(i).serverId(), rows.get(i).serverAddress(), lastPing));
				return;
			}
		}
		int next = rows.stream().mapToInt(ServerIdentityRow::serverId).max().orElse(0) + 1;
		rows.add(new ServerIdentityRow(next, address, lastPing));
	}

}
