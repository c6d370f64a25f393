package org.pchatfailover.failover;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link ProcessMetricsHistoryHandler} beside the engine's own history writer, so the step durations,
 * failed attempts and incidents come from the events the engine records anyway, for every step of every process,
 * without a listener in the model. The registry is looked up at the first event: the engine starts before
 * Spring Boot binds its meters.
 */
@Component
class ProcessMetricsPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<MeterRegistry> registry;

	ProcessMetricsPlugin(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new ProcessMetricsHistoryHandler(registry::getObject));
		configuration.setCustomHistoryEventHandlers(handlers);
	}

}
