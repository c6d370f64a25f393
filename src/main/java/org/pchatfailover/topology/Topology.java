package org.pchatfailover.topology;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The configured pools, looked up by FQDN as a ticket or a process variable names them. */
@Component
@EnableConfigurationProperties(PchatProperties.class)
public class Topology {

	private final List<Pool> pools;

	public Topology(PchatProperties properties) {
		this.pools = List.copyOf(properties.pools());
	}

	public List<Pool> pools() {
		return pools;
	}

	public Optional<Pool> findPool(String fqdn) {
		if (fqdn == null) {
			return Optional.empty();
		}
		String wanted = fqdn.toLowerCase(Locale.ROOT);
		return pools.stream().filter(p -> p.fqdn().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
	}

	public Pool pool(String fqdn) {
		return findPool(fqdn).orElseThrow(() -> new UnknownPoolException(fqdn));
	}

	/** A pool FQDN that is not in {@code pchat.pools[]}. */
	public static class UnknownPoolException extends IllegalArgumentException {

		UnknownPoolException(String fqdn) {
			super("Persistent Chat pool '" + Fqdn.printable(fqdn) + "' is not configured in pchat.pools[]");
		}

	}

}
