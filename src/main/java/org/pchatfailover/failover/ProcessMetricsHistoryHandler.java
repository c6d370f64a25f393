package org.pchatfailover.failover;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Turns the engine's history events into the per-step {@code pchat_} metrics:
 * <ul>
 * <li>{@code pchat_step_duration_seconds} (timer): a task that ended, not cancelled; a service step from the
 * start of its job to its end, a user task from creation to completion (the operator's time);</li>
 * <li>{@code pchat_step_failures_total}: every failed attempt of a step's job, each retried while the retry cycle
 * ({@code pchat.retry.cycle}) lasts;</li>
 * <li>{@code pchat_incidents_total}: the attempts that used up the cycle and became an incident.</li>
 * </ul>
 * Tagged with the process key and the step (activity) id. Counted when the engine's transaction commits: a step
 * that ended in a transaction rolled back afterwards did not end.
 */
class ProcessMetricsHistoryHandler implements HistoryEventHandler {

	private static final String NONE = "none";

	private final Supplier<MeterRegistry> registry;

	ProcessMetricsHistoryHandler(Supplier<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricActivityInstanceEventEntity activity
				&& event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
			stepEnded(activity);
		}
		// a job log event says what happened in its state, not its event type (DefaultHistoryEventProducer)
		else if (event instanceof HistoricJobLogEvent job && job.getState() == JobState.FAILED.getStateCode()) {
			String step = job.getFailedActivityId() != null ? job.getFailedActivityId() : job.getActivityId();
			if (step == null) {
				return; // a job of no step, such as a ticketing callback: not a step's attempt
			}
			onCommit(() -> counter("pchat.step.failures", "Failed attempts of a step's job (each is retried until "
					+ "the retry cycle is used up)", job, step).increment());
		}
		else if (event instanceof HistoricIncidentEventEntity incident
				&& event.isEventOfType(HistoryEventTypes.INCIDENT_CREATE)) {
			String step = incident.getFailedActivityId() != null ? incident.getFailedActivityId()
					: incident.getActivityId();
			if (step == null) {
				return;
			}
			onCommit(() -> counter("pchat.incidents", "Incidents raised: a step that used up its retries",
					incident, step).increment());
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	private void stepEnded(HistoricActivityInstanceEventEntity activity) {
		String type = activity.getActivityType();
		if (type == null || !type.endsWith("Task") || activity.isCanceled()) {
			return;
		}
		// read at commit: by then the engine's own history writer has completed the event (see durationMillis)
		onCommit(() -> {
			Long millis = durationMillis(activity);
			if (millis != null) {
				Timer.builder("pchat.step.duration")
					.description("How long a step of a failover took: a service step's job, or an operator's task")
					.tags("process", orNone(activity.getProcessDefinitionKey()), "step",
							orNone(activity.getActivityId()), "type", type)
					.register(registry.get())
					.record(Duration.ofMillis(millis));
			}
		});
	}

	/**
	 * The engine computes the duration only when the activity started in the same transaction (a service step).
	 * For a user task completed later, its history writer, which runs after this handler, reads the start time back
	 * from its table into the same event (DbHistoryEventHandler), so at commit the start is there.
	 */
	private static Long durationMillis(HistoricActivityInstanceEventEntity activity) {
		if (activity.getDurationInMillis() != null) {
			return activity.getDurationInMillis();
		}
		if (activity.getStartTime() == null || activity.getEndTime() == null) {
			return null;
		}
		return activity.getEndTime().getTime() - activity.getStartTime().getTime();
	}

	private Counter counter(String name, String description, HistoryEvent event, String step) {
		return Counter.builder(name)
			.description(description)
			.tags("process", orNone(event.getProcessDefinitionKey()), "step", orNone(step))
			.register(registry.get());
	}

	private static void onCommit(Runnable record) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			record.run();
			return;
		}
		command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> record.run());
	}

	private static String orNone(String value) {
		return value == null ? NONE : value;
	}

}
