package org.pchatfailover.lab.lync.cmdlets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only snapshot of the lab Lync shell, as a Lync admin would check it, and the form it is kept in on
 * disk so that it survives a restart.
 *
 * @param scenario the scenario the lab was last reset to
 * @param pools state per pool FQDN
 * @param history every Lync cmdlet run against the lab, oldest first
 */
public record LabLyncState(String scenario, Map<String, PoolState> pools, List<HistoryEntry> history) {

	public LabLyncState {
		pools = Map.copyOf(pools);
		history = List.copyOf(history);
	}

	/**
	 * @param poolState {@code Normal} or {@code FailedOver} (Get-CsPersistentChatState)
	 * @param mirror mirroring of the Persistent Chat database of the backup store, null when none is installed
	 * @param activeServers the pool's servers in the active server collection (Set-CsPersistentChatActiveServer)
	 * @param poolStateChangedAt when the pool state last changed (or the lab was reset); null in a state file
	 * written before the lab kept it
	 * @param activeServersChangedAt when the pool's active servers last changed (or the lab was reset); null
	 * likewise
	 */
	public record PoolState(String poolState, Mirror mirror, List<String> activeServers, Instant poolStateChangedAt,
			Instant activeServersChangedAt) {

		public PoolState {
			activeServers = List.copyOf(activeServers);
		}

		PoolState withPoolState(String value) {
			return new PoolState(value, mirror, activeServers, poolStateChangedAt, activeServersChangedAt);
		}

		PoolState withMirror(Mirror value) {
			return new PoolState(poolState, value, activeServers, poolStateChangedAt, activeServersChangedAt);
		}

		PoolState withActiveServers(List<String> value) {
			return new PoolState(poolState, mirror, value, poolStateChangedAt, activeServersChangedAt);
		}

		/** This state with {@code now} as the time of what differs from {@code before}. */
		PoolState changedSince(PoolState before, Instant now) {
			boolean stateChanged = !poolState.equals(before.poolState());
			boolean serversChanged = !Set.copyOf(activeServers).equals(Set.copyOf(before.activeServers()));
			return new PoolState(poolState, mirror, activeServers, stateChanged ? now : poolStateChangedAt,
					serversChanged ? now : activeServersChangedAt);
		}

	}

	/**
	 * @param principal principal store, {@code host\instance}
	 * @param mirror mirror store, {@code host\instance}
	 * @param status mirroring status, {@code Synchronized}
	 */
	public record Mirror(String principal, String mirror, String status) {
	}

	/**
	 * @param at when it ran
	 * @param command the cmdlet as received
	 * @param succeeded whether it succeeded
	 * @param outcome what it did, or its error
	 */
	public record HistoryEntry(Instant at, String command, boolean succeeded, String outcome) {
	}

}
