package org.pchatfailover.lab.lync.cmdlets;

import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.PsError;

/** Get-CsPersistentChatState and Set-CsPersistentChatState: whether a pool is Normal or FailedOver. */
final class PoolStateCmdlets {

	static final Spec GET = new Spec("Get-CsPersistentChatState",
			Map.of("Identity", false, "Filter", false, "LocalStore", true), List.of("Identity"));

	static final Spec SET = new Spec("Set-CsPersistentChatState",
			Map.of("Identity", false, "PoolState", false, "Force", true, "Confirm", true, "WhatIf", true),
			List.of("Identity"));

	private static final List<String> POOL_STATES = List.of("Normal", "FailedOver");

	private final LabPoolStates pools;

	PoolStateCmdlets(LabPoolStates pools) {
		this.pools = pools;
	}

	List<Object> get(Bound args) {
		return pools.get(args, "PoolState", PoolState::poolState);
	}

	List<Object> set(Bound args) {
		LabPool pool = pools.pool(args, args.required("Identity"));
		String requested = args.required("PoolState");
		String state = POOL_STATES.stream()
			.filter(s -> s.equalsIgnoreCase(requested))
			.findFirst()
			.orElseThrow(() -> PsError.enumConversion(args.cmdlet(), "PoolState", requested,
					"Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PoolState", POOL_STATES));
		return pools.set(args, pool, current -> current.withPoolState(state));
	}

}
