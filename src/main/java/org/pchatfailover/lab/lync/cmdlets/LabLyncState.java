package org.pchatfailover.lab.lync.cmdlets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
	 */
	public record PoolState(String poolState, Mirror mirror, List<String> activeServers) {

		public PoolState {
			activeServers = List.copyOf(activeServers);
		}

		PoolState withPoolState(String value) {
			return new PoolState(value, mirror, activeServers);
		}

		PoolState withMirror(Mirror value) {
			return new PoolState(poolState, value, activeServers);
		}

		PoolState withActiveServers(List<String> value) {
			return new PoolState(poolState, mirror, value);
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
