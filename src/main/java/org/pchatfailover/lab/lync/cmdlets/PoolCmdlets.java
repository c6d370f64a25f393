package org.pchatfailover.lab.lync.cmdlets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.Server;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.PsError;
import org.pchatfailover.lab.lync.powershell.Wildcard;

/**
 * Get-CsPool: the Persistent Chat pools of the simulated topology, with "Computers", "an array of objects
 * representing each computer in the pool" (office-docs-powershell Get-CsPool.md): here the pool's Persistent Chat
 * servers.
 */
final class PoolCmdlets {

	static final Spec GET = new Spec("Get-CsPool", Map.of("Identity", false, "Filter", false, "Site", false),
			List.of("Identity"));

	/** The server the {@link LabLyncShell#CANDIDATE_NOT_IN_POOL} scenario leaves out of its pool's computers. */
	static final String REMOVED_COMPUTER = "dal-pc-002.litwareinc.com";

	private final LabLyncTopology topology;

	private final String scenario;

	PoolCmdlets(LabLyncTopology topology, String scenario) {
		this.topology = topology;
		this.scenario = scenario;
	}

	List<Object> get(Bound args) {
		String identity = args.text("Identity");
		String filter = args.text("Filter");
		String site = args.text("Site");
		if (identity != null && filter != null) {
			// "you cannot use both the Filter and the Identity parameters in the same command"
			throw PsError.parameterSetNotResolved(args.cmdlet());
		}
		List<LabPool> pools = topology.pools()
			.stream()
			.filter(p -> identity == null || p.fqdn().equalsIgnoreCase(identity))
			.filter(p -> filter == null || Wildcard.matches(filter, p.fqdn()))
			.filter(p -> site == null || site.equalsIgnoreCase(site(p)))
			.toList();
		if (identity != null && pools.isEmpty() && site == null) {
			// the references are silent on the real cmdlet's answer for an unknown pool
			throw new PsError(args.cmdlet(), "Cannot find \"" + identity + "\" because it does not exist.");
		}
		return pools.stream().<Object>map(this::pool).toList();
	}

	/**
	 * Identity ("FQDN of the pool"), Site and Services are named on the reference page, Computers is described
	 * there; Fqdn is not (the references are silent on it) and is shown as the pool's FQDN. The references are
	 * silent on how a computer renders: the lab's computers are their FQDNs.
	 */
	private Map<String, Object> pool(LabPool pool) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("Identity", pool.fqdn());
		object.put("Site", site(pool));
		object.put("Services", List.of(pool.serviceIdentity()));
		object.put("Computers", computers(pool));
		object.put("Fqdn", pool.fqdn());
		return object;
	}

	private List<String> computers(LabPool pool) {
		boolean removed = LabLyncShell.CANDIDATE_NOT_IN_POOL.equals(scenario);
		return pool.servers()
			.stream()
			.map(Server::fqdn)
			.filter(fqdn -> !(removed && fqdn.equalsIgnoreCase(REMOVED_COMPUTER)))
			.toList();
	}

	/**
	 * The configuration names no site for a pool; a stretched pool's site is taken as the data centre of its
	 * servers outside the backup data centre, else the backup data centre. The reference shows -Site with a
	 * display name ("Redmond") matching the Site property.
	 */
	private static String site(LabPool pool) {
		return pool.servers()
			.stream()
			.map(Server::dataCenter)
			.filter(dc -> !dc.equalsIgnoreCase(pool.backupDataCenter()))
			.findFirst()
			.orElse(pool.backupDataCenter());
	}

}
