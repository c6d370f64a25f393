package org.pchatfailover.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Empties {@link AuthenticationCache} whenever this engine changes a user, group, tenant or membership (Admin, the
 * engine REST API, the product's set-up), so that a new password, a removed membership or a deleted user counts at
 * the next request. The engine's own database identity provider does the change; this subclass only listens. A
 * change made by another node or in the database directly is not seen here: the cache's TTL bounds it.
 */
@Component
class IdentityChangeListening extends AbstractProcessEnginePlugin {

	private final AuthenticationCache cache;

	IdentityChangeListening(AuthenticationCache cache) {
		this.cache = cache;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// the engine registers it as both the read-only and the writable identity provider
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return ListeningIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new ListeningIdentityProvider(cache);
			}
		});
	}

	/** The engine's database identity provider, telling the cache of each change now and once it is committed. */
	static final class ListeningIdentityProvider extends DbIdentityServiceProvider {

		private final AuthenticationCache cache;

		ListeningIdentityProvider(AuthenticationCache cache) {
			this.cache = cache;
		}

		private IdentityOperationResult changed(IdentityOperationResult result) {
			cache.invalidateAll();
			CommandContext command = Context.getCommandContext();
			if (command != null) {
				// a check that read the old state before the commit must not be remembered after it
				command.getTransactionContext()
					.addTransactionListener(TransactionState.COMMITTED, committed -> cache.invalidateAll());
			}
			return result;
		}

		@Override
		public IdentityOperationResult saveUser(User user) {
			return changed(super.saveUser(user));
		}

		@Override
		public IdentityOperationResult deleteUser(String userId) {
			return changed(super.deleteUser(userId));
		}

		@Override
		public IdentityOperationResult unlockUser(String userId) {
			return changed(super.unlockUser(userId));
		}

		@Override
		public IdentityOperationResult saveGroup(Group group) {
			return changed(super.saveGroup(group));
		}

		@Override
		public IdentityOperationResult deleteGroup(String groupId) {
			return changed(super.deleteGroup(groupId));
		}

		@Override
		public IdentityOperationResult saveTenant(Tenant tenant) {
			return changed(super.saveTenant(tenant));
		}

		@Override
		public IdentityOperationResult deleteTenant(String tenantId) {
			return changed(super.deleteTenant(tenantId));
		}

		@Override
		public IdentityOperationResult createMembership(String userId, String groupId) {
			return changed(super.createMembership(userId, groupId));
		}

		@Override
		public IdentityOperationResult deleteMembership(String userId, String groupId) {
			return changed(super.deleteMembership(userId, groupId));
		}

		@Override
		public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
			return changed(super.createTenantUserMembership(tenantId, userId));
		}

		@Override
		public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
			return changed(super.createTenantGroupMembership(tenantId, groupId));
		}

		@Override
		public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
			return changed(super.deleteTenantUserMembership(tenantId, userId));
		}

		@Override
		public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
			return changed(super.deleteTenantGroupMembership(tenantId, groupId));
		}

	}

}
