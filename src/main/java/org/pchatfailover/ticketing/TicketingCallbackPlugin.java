package org.pchatfailover.ticketing;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.CompositeIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.failover.FailoverVariables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Wires the ticketing callbacks into the engine: the milestone listeners (parse listener), the callback job
 * handler, the retry schedule of callback jobs and the incident observer. Engine-side only, no state in memory:
 * every node of a cluster schedules and delivers callbacks from the shared database.
 */
@Component
@EnableConfigurationProperties(TicketingCallbackProperties.class)
class TicketingCallbackPlugin extends AbstractProcessEnginePlugin {

	/** The processes that call back: the failover and the failback report the same milestones to tickets. */
	static final Set<String> PROCESS_KEYS = Set.of(FailoverVariables.PROCESS_ID, FailbackVariables.PROCESS_ID);

	private final CallbackScheduler callbacks;

	private final TicketingCallbackAdapter ticketing;

	private final TicketingCallbackProperties properties;

	TicketingCallbackPlugin(CallbackScheduler callbacks, TicketingCallbackAdapter ticketing,
			TicketingCallbackProperties properties) {
		this.callbacks = callbacks;
		this.ticketing = ticketing;
		this.properties = properties;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new CallbackParseListener(callbacks, PROCESS_KEYS));
		if (configuration.getCustomJobHandlers() == null) {
			configuration.setCustomJobHandlers(new ArrayList<>());
		}
		configuration.getCustomJobHandlers().add(new CallbackJobHandler(ticketing));
	}

	/** After init, so whatever failed-job command factory and incident handler the engine ended up with stay. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(
				new CallbackRetryCmd.Factory(configuration.getFailedJobCommandFactory(), properties.retryConfiguration()));
		observeFailedJobIncidents(configuration, new CallbackIncidentHandler(callbacks, PROCESS_KEYS));
	}

	private static void observeFailedJobIncidents(ProcessEngineConfigurationImpl configuration,
			IncidentHandler observer) {
		IncidentHandler current = configuration.getIncidentHandlers().get(Incident.FAILED_JOB_HANDLER_TYPE);
		if (current instanceof CompositeIncidentHandler composite) {
			composite.add(observer);
		}
		else {
			configuration.getIncidentHandlers()
				.put(Incident.FAILED_JOB_HANDLER_TYPE, new CompositeIncidentHandler(current, observer));
		}
	}

}
