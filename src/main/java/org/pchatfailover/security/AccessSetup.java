package org.pchatfailover.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Groups, authorizations and the Tasklist filter every profile needs. Each is created only when missing, so
 * several engine nodes starting on one database, or a restart, leave exactly one of each.
 */
@Component
class AccessSetup extends AbstractProcessEnginePlugin {

	static final String TASK_FILTER = "Failover tasks";

	static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin";

	private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

	/** The processes operators work and the ticketing system reads, as their rooms declare them. */
	private final List<String> processes;

	AccessSetup(List<OperatedProcess> operated) {
		this.processes = operated.stream().map(OperatedProcess::processKey).sorted().toList();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<String> adminGroups = new ArrayList<>();
		if (configuration.getAdminGroups() != null) {
			adminGroups.addAll(configuration.getAdminGroups());
		}
		if (!adminGroups.contains(FailoverGroups.ADMINS)) {
			adminGroups.add(FailoverGroups.ADMINS);
		}
		configuration.setAdminGroups(adminGroups);
		// a task's candidates may work on it (claim, complete), not reassign it or set variables on it
		configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
		TaskInputGuard guard = new TaskInputGuard(TaskForms.load());
		configuration.setCustomPostCommandInterceptorsTxRequired(
				withGuard(configuration.getCustomPostCommandInterceptorsTxRequired(), guard));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), guard));
		// outside the command context, where a refusal passed as a BadUserRequestException (logged at DEBUG); one
		// instance per chain, since an interceptor's next is set by the chain it is in (transactions differ)
		configuration.setCustomPreCommandInterceptorsTxRequired(
				first(new TaskRefusals(), configuration.getCustomPreCommandInterceptorsTxRequired()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				first(new TaskRefusals(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
		// the engine's default pattern has no hyphen, and the group names of the design have one
		String groupPattern = configuration.getGroupResourceWhitelistPattern();
		if (groupPattern == null || !FailoverGroups.OPERATORS.matches(groupPattern)) {
			configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
		}
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		group(identity, FailoverGroups.OPERATORS, "Persistent Chat operators");
		group(identity, FailoverGroups.ADMINS, "Persistent Chat administrators");
		group(identity, FailoverGroups.TICKETING, "Ticketing system");
		AuthorizationService authorizations = engine.getAuthorizationService();
		grant(authorizations, FailoverGroups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		// operators watch their failovers in Cockpit: the grants below let them read definitions, instances, history
		// and incidents; none lets them change an instance, its variables or its jobs, delete or cancel it
		grant(authorizations, FailoverGroups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		// the failback's tasks and history are the operators' and the ticketing system's as the failover's are.
		// Ticketing reads through the engine but starts only through /api, where one ticket starts one process and a
		// second ticket for a busy pool is refused; the engine REST API would bypass both rules
		for (String process : processes) {
			// TASK_WORK, not UPDATE_TASK: completing a task needs no more, and UPDATE_TASK would also let an operator
			// set any variable on it or hand it to someone else (TaskInputGuard limits what completing it may set)
			grant(authorizations, FailoverGroups.OPERATORS, Resources.PROCESS_DEFINITION, process,
					ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
					ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_HISTORY);
			grant(authorizations, FailoverGroups.TICKETING, Resources.PROCESS_DEFINITION, process,
					ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_HISTORY);
		}
		// Camunda Forms are loaded from the deployment
		grant(authorizations, FailoverGroups.OPERATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
		// the admin group skips engine checks, but the webapps and some queries read grants: give it all, as the
		// Camunda Admin's initial setup does for camunda-admin
		for (Resources resource : Resources.values()) {
			grant(authorizations, FailoverGroups.ADMINS, resource, "*", Permissions.ALL);
		}
		String filterId = taskFilter(engine);
		grant(authorizations, FailoverGroups.OPERATORS, Resources.FILTER, filterId, Permissions.READ);
	}

	private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, TaskInputGuard guard) {
		List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
		all.add(guard);
		return all;
	}

	private static List<CommandInterceptor> first(CommandInterceptor interceptor, List<CommandInterceptor> others) {
		List<CommandInterceptor> all = new ArrayList<>();
		all.add(interceptor);
		if (others != null) {
			all.addAll(others);
		}
		return all;
	}

	private static void group(IdentityService identity, String id, String name) {
		if (identity.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identity.newGroup(id);
		group.setName(name);
		group.setType("WORKFLOW");
		identity.saveGroup(group);
		log.info("created group {}", id);
	}

	/** Makes the group's grant on the resource exactly these permissions: created, or corrected, once. */
	private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
			Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
			.findFirst()
			.orElse(null);
		int wanted = 0;
		for (Permission permission : permissions) {
			wanted |= permission.getValue();
		}
		if (authorization instanceof AuthorizationEntity existing && existing.getPermissions() == wanted) {
			return;
		}
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		authorization.setPermissions(permissions);
		authorizations.saveAuthorization(authorization);
		log.info("granted {} {} on {} {}", group, List.of(permissions), resource.resourceName(), resourceId);
	}

	private String taskFilter(ProcessEngine engine) {
		FilterService filters = engine.getFilterService();
		Filter existing = filters.createFilterQuery().filterName(TASK_FILTER).singleResult();
		Filter filter = existing != null ? existing : filters.newTaskFilter(TASK_FILTER);
		// a filter saved by an earlier release is widened to the failback's tasks and given the refresh and the
		// columns on the next start
		filter.setQuery(engine.getTaskService().createTaskQuery().processDefinitionKeyIn(processes.toArray(String[]::new)));
		filter.setProperties(FailoverTaskFilter.PROPERTIES);
		return filters.saveFilter(filter).getId();
	}

}
