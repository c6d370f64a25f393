package org.pchatfailover.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the lab, refuses to start while any user's password is its user name (the lab's and Camunda's
 * demo convention): such an engine could be driven by anyone who read the README.
 */
@Component
@Profile("!lab")
class DefaultPasswordGuard extends AbstractProcessEnginePlugin {

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		List<String> weak = identity.createUserQuery()
			.list()
			.stream()
			.map(User::getId)
			.filter(id -> identity.checkPassword(id, id))
			.toList();
		if (!weak.isEmpty()) {
			throw new IllegalStateException("refusing to start: users " + weak + " still have their name as password; "
					+ "change it (Camunda Admin or the engine REST API) or run the lab profile");
		}
	}

}
