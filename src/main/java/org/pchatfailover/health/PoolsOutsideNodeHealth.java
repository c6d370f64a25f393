package org.pchatfailover.health;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.stereotype.Component;

/**
 * Keeps the pools out of {@code /actuator/health}'s own status: that status is the node's (the engine database, the
 * disk), because a load balancer takes a node whose health is DOWN out of rotation, and a backup SQL instance that
 * is down is the estate's trouble, not this node's: every node would go DOWN at once and nobody could reach Cockpit
 * to see why. The pools answer on their own group, {@code /actuator/health/pools}
 * ({@code management.endpoint.health.group.pools.include: pools}), DOWN when one pool's component is.
 * <p>
 * Spring Boot's primary group has every contributor and aggregates by status alone, so there is no setting for
 * this: the primary group is wrapped, leaving out {@code pools} and nothing else.
 */
@Component
class PoolsOutsideNodeHealth implements HealthEndpointGroupsPostProcessor {

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		HealthEndpointGroup primary = new WithoutPools(groups.getPrimary());
		return new HealthEndpointGroups() {

			@Override
			public HealthEndpointGroup getPrimary() {
				return primary;
			}

			/**
			 * None listed: {@code /actuator/health} would show the group names to anyone (Spring Boot lists them
			 * beside the status whoever asks), and nobody but an admin sees more than the status. The groups still
			 * answer at their paths; the README names them.
			 */
			@Override
			public Set<String> getNames() {
				return Set.of();
			}

			@Override
			public HealthEndpointGroup get(String name) {
				return groups.get(name);
			}

			@Override
			public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
				return groups.get(path);
			}

			@Override
			public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
				return groups.getAllWithAdditionalPath(namespace);
			}

		};
	}

	static boolean isPools(String contributorName) {
		return contributorName.equals(PoolsHealthContributor.NAME)
				|| contributorName.startsWith(PoolsHealthContributor.NAME + "/");
	}

	private record WithoutPools(HealthEndpointGroup primary) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return !isPools(name) && primary.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return primary.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return primary.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return primary.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return primary.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return primary.getAdditionalPath();
		}

	}

}
