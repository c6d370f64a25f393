package org.pchatfailover.health;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code pools}: one component per configured pool (named by its FQDN) with
 * {@code backup-sql} and {@code lync-shell}, each from the pool's cached probe. Before a pool's first probe has
 * finished its components are UNKNOWN, saying that a probe is running.
 */
@Component
class PoolsHealthContributor implements CompositeHealthContributor {

	static final String NAME = "pools";

	private final Topology topology;

	private final PoolHealthCache cache;

	private final PoolHealthProperties properties;

	PoolsHealthContributor(Topology topology, PoolHealthCache cache, PoolHealthProperties properties) {
		this.topology = topology;
		this.cache = cache;
		this.properties = properties;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return topology.findPool(name).map(this::poolContributor).orElse(null);
	}

	@Override
	public Iterator<NamedContributor<HealthContributor>> iterator() {
		return topology.pools()
			.stream()
			.map(pool -> NamedContributor.of(pool.fqdn(), poolContributor(pool)))
			.iterator();
	}

	private HealthContributor poolContributor(Pool pool) {
		Map<String, HealthIndicator> components = new LinkedHashMap<>();
		components.put("backup-sql", () -> health(pool, PoolHealthCache.PoolHealth::backupSql));
		components.put("lync-shell", () -> health(pool, PoolHealthCache.PoolHealth::lyncShell));
		return CompositeHealthContributor.fromMap(components);
	}

	private Health health(Pool pool, Function<PoolHealthCache.PoolHealth, Probe> component) {
		Optional<PoolHealthCache.PoolHealth> current = cache.current(pool);
		if (current.isEmpty()) {
			return Health.unknown().withDetail("probe", "running: the first result appears within "
					+ properties.timeout() + " (pchat.health.timeout)").build();
		}
		return component.apply(current.get()).toHealth(properties.cacheFor());
	}

}
