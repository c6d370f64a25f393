package org.pchatfailover.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the lab, refuses to start while any user's password is its user name (the lab's and Camunda's demo
 * convention: such an engine could be driven by anyone who read the README), or while no user is a Camunda
 * administrator (the webapps would then offer anyone the creation of one; see {@link InitialSetupBlocker}).
 * Runs after the starter has created {@code camunda.bpm.admin-user}.
 */
@Component
@Profile("!lab")
@Order(Ordered.LOWEST_PRECEDENCE)
class DefaultPasswordGuard extends AbstractProcessEnginePlugin {

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		if (identity.isReadOnly()) {
			return; // LDAP and the like: no passwords here, and no setup page either
		}
		PasswordManager passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getPasswordManager();
		// compare hashes, not identityService.checkPassword: a failed check would count as a failed login and
		// lock real users after a few restarts
		List<String> weak = identity.createUserQuery()
			.list()
			.stream()
			.filter(user -> user instanceof UserEntity entity && entity.getPassword() != null
					&& passwords.check(EncryptionUtil.saltPassword(user.getId(), entity.getSalt()), entity.getPassword()))
			.map(User::getId)
			.toList();
		if (!weak.isEmpty()) {
			throw new IllegalStateException("refusing to start: users " + weak + " still have their name as password; "
					+ "change it (Camunda Admin or the engine REST API) or run the lab profile");
		}
		if (identity.createUserQuery().memberOfGroup(InitialSetupBlocker.CAMUNDA_ADMIN).count() == 0) {
			throw new IllegalStateException("refusing to start: no user is in group " + InitialSetupBlocker.CAMUNDA_ADMIN
					+ "; set camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (from the environment,"
					+ " e.g. CAMUNDA_BPM_ADMINUSER_PASSWORD) for the first start");
		}
	}

}
