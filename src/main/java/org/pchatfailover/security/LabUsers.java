package org.pchatfailover.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The drill lab's users, one per group, each with its own name as password (README says so). Only the lab
 * profile creates them; {@link DefaultPasswordGuard} stops any other profile that still has one.
 */
@Component
@Profile("lab")
@Order(Ordered.LOWEST_PRECEDENCE)
class LabUsers extends AbstractProcessEnginePlugin {

	/** Two operators, so a drill can try four eyes ({@code pchat.approval.second-operator}). */
	static final Map<String, String> USERS = Map.of("operator", FailoverGroups.OPERATORS, "operator2",
			FailoverGroups.OPERATORS, "admin", FailoverGroups.ADMINS, "ticketing", FailoverGroups.TICKETING);

	private static final Logger log = LoggerFactory.getLogger(LabUsers.class);

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		USERS.forEach((id, group) -> {
			if (identity.createUserQuery().userId(id).count() == 0) {
				User user = identity.newUser(id);
				user.setFirstName("Lab");
				user.setLastName(id);
				user.setEmail(id + "@lab.pchatfailover.invalid");
				user.setPassword(id);
				identity.saveUser(user);
				log.info("lab user {} created in group {} (password: its name, drill lab only)", id, group);
			}
			if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
				identity.createMembership(id, group);
			}
		});
		// a member of camunda-admin keeps the webapps from offering the initial-user setup page
		if (identity.createGroupQuery().groupId(InitialSetupBlocker.CAMUNDA_ADMIN).count() == 0) {
			Group admins = identity.newGroup(InitialSetupBlocker.CAMUNDA_ADMIN);
			admins.setName("Camunda administrators");
			admins.setType("SYSTEM");
			identity.saveGroup(admins);
		}
		if (identity.createUserQuery().userId("admin").memberOfGroup(InitialSetupBlocker.CAMUNDA_ADMIN).count() == 0) {
			identity.createMembership("admin", InitialSetupBlocker.CAMUNDA_ADMIN);
		}
	}

}
