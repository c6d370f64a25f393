package org.pchatfailover.ticketing;

import java.net.URI;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverState;
import org.pchatfailover.failover.FailoverVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a state change of a failover into a callback job, inside the engine transaction of the change: the
 * callback exists if and only if the change commits, on whichever node made it. Delivery happens later, in a
 * job of its own, so the failover never waits for the ticketing system.
 */
@Component
class CallbackScheduler {

	private static final Logger LOG = LoggerFactory.getLogger(CallbackScheduler.class);

	private final TicketingCallbackProperties properties;

	private final FailoverRegistry registry;

	CallbackScheduler(TicketingCallbackProperties properties, FailoverRegistry registry) {
		this.properties = properties;
		this.registry = registry;
	}

	/** Schedules the callback for the failover of this execution; never fails the caller for a bad URL. */
	void schedule(DelegateExecution execution, FailoverState state, String step) {
		TicketingCallback callback = new TicketingCallback(ticketId(execution), execution.getProcessInstanceId(),
				state, step, ClockUtil.getCurrentTime().toInstant(), dataLoss(execution));
		Optional<URI> url = callbackUrl(execution, callback);
		url.ifPresent(target -> send(new CallbackJob(target, callback)));
	}

	private Optional<URI> callbackUrl(DelegateExecution execution, TicketingCallback callback) {
		// the URL fixed when the failover was registered: a task's variables could have changed the variable since.
		// Only the start's own callback may come before the registration, and then the variable is the start's.
		Optional<FailoverRegistry.Registration> registration = registry.find(execution.getProcessInstanceId());
		Object own = registration.isPresent() ? registration.get().callbackUrl()
				: execution.getVariable(FailoverVariables.CALLBACK_URL);
		if (own instanceof String text && !text.isBlank()) {
			Optional<URI> url = CallbackUrl.parse(text).filter(properties::allowsCallbackTo);
			if (url.isEmpty()) {
				// the REST API validates it; a value set otherwise must not break the failover
				LOG.warn("No callback {} for failover {}: its callbackUrl is no http(s) URL of an allowed host",
						callback.state(),
						callback.id());
			}
			return url;
		}
		if (properties.callbackUrl() == null) {
			LOG.debug("No callback {} for failover {}: no callbackUrl and no pchat.ticketing.callback-url",
					callback.state(), callback.id());
		}
		return Optional.ofNullable(properties.callbackUrl());
	}

	private static void send(CallbackJob job) {
		MessageEntity message = new MessageEntity();
		message.setJobHandlerType(CallbackJobHandler.TYPE);
		message.setJobHandlerConfiguration(job);
		// no execution and not exclusive: a failing callback never puts an incident on the failover, and the
		// job executor never queues a slow callback with the failover's own steps
		message.setExclusive(false);
		Context.getCommandContext().getJobManager().send(message);
		LOG.debug("Scheduled {}", job.describe());
	}

	private static String dataLoss(DelegateExecution execution) {
		Object statement = execution.getVariable(FailoverVariables.DATA_LOSS_STATEMENT);
		return statement instanceof String text && !text.isBlank() ? text : null;
	}

	private static String ticketId(DelegateExecution execution) {
		Object ticketId = execution.getVariable(FailoverVariables.TICKET_ID);
		return (ticketId instanceof String text && !text.isBlank()) ? text : execution.getProcessBusinessKey();
	}

}
