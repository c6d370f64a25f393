package org.pchatfailover.lab.lync.cmdlets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the simulated Central Management store knows: the Persistent Chat pools, their backup SQL stores with
 * the mirror Topology Builder assigned to them, and their Persistent Chat servers by data centre.
 */
public record LabLyncTopology(List<LabPool> pools) {

	public LabLyncTopology {
		pools = List.copyOf(pools);
	}

	/**
	 * @param fqdn pool FQDN
	 * @param database Persistent Chat database, {@code mgc}
	 * @param backupStore the backup SQL Server store, which becomes the principal after a failover
	 * @param mirrorStore the mirror defined for the backup store
	 * @param backupDataCenter the data centre of the backup store
	 * @param servers the pool's Persistent Chat servers
	 * @param lyncVersion {@code 2013} (Lync Server 2013, the default) or {@code 2015} (Skype for Business Server
	 * 2015): whose cmdlet reference the lab follows for this pool
	 */
	public record LabPool(String fqdn, String database, Store backupStore, Store mirrorStore, String backupDataCenter,
			List<Server> servers, String lyncVersion) {

		public static final String LYNC_2013 = "2013";

		public static final String LYNC_2015 = "2015";

		public LabPool {
			servers = List.copyOf(servers);
			lyncVersion = (lyncVersion == null) ? LYNC_2013 : lyncVersion;
		}

		boolean isSkypeForBusiness2015() {
			return LYNC_2015.equals(lyncVersion);
		}

		/** {@code PersistentChatServer:<pool fqdn>}, the service identity of the Skype for Business reference. */
		String serviceIdentity() {
			return "PersistentChatServer:" + fqdn;
		}

		/** "Lync Server 2013" or "Skype for Business Server 2015", for messages. */
		String product() {
			return isSkypeForBusiness2015() ? "Skype for Business Server 2015" : "Lync Server 2013";
		}

		boolean hasServer(String fqdn) {
			return servers.stream().anyMatch(s -> s.fqdn().equalsIgnoreCase(fqdn));
		}

		List<String> serversIn(String dataCenter, boolean inside) {
			return servers.stream()
				.filter(s -> s.dataCenter().equalsIgnoreCase(dataCenter) == inside)
				.map(s -> s.fqdn().toLowerCase(Locale.ROOT))
				.toList();
		}

	}

	/** A SQL Server store as Lync names it: host FQDN and instance (empty for the default instance). */
	public record Store(String fqdn, String instance) {

		public Store {
			instance = (instance == null) ? "" : instance;
		}

		boolean is(String otherFqdn, String otherInstance) {
			return fqdn.equalsIgnoreCase(otherFqdn) && instance.equalsIgnoreCase(otherInstance == null ? "" : otherInstance);
		}

		@Override
		public String toString() {
			return instance.isEmpty() ? fqdn : fqdn + "\\" + instance;
		}

	}

	public record Server(String fqdn, String dataCenter) {
	}

	Optional<LabPool> pool(String fqdn) {
		return pools.stream().filter(p -> p.fqdn().equalsIgnoreCase(fqdn)).findFirst();
	}

	/** The pool a Persistent Chat server belongs to. */
	Optional<LabPool> poolOfServer(String serverFqdn) {
		return pools.stream().filter(p -> p.hasServer(serverFqdn)).findFirst();
	}

}
