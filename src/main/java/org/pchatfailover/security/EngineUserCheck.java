package org.pchatfailover.security;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.pchatfailover.security.AuthenticationCache.Authenticated;

/**
 * An HTTP basic credential checked against the engine's users, with the user's groups and tenants: from
 * {@link AuthenticationCache} when the same credential passed within its TTL, else from the engine (one password
 * check, one group and one tenant query).
 */
final class EngineUserCheck {

	private final IdentityService identity;

	private final AuthenticationCache cache;

	EngineUserCheck(IdentityService identity, AuthenticationCache cache) {
		this.identity = identity;
		this.cache = cache;
	}

	/** The user, or empty when the engine does not accept the password. */
	Optional<Authenticated> check(String userId, String password) {
		Optional<Authenticated> cached = cache.find(userId, password);
		if (cached.isPresent()) {
			return cached;
		}
		long generation = cache.generation();
		if (!identity.checkPassword(userId, password)) {
			return Optional.empty();
		}
		Authenticated authenticated = new Authenticated(userId,
				identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
				identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).toList());
		cache.remember(password, authenticated, generation);
		return Optional.of(authenticated);
	}

}
