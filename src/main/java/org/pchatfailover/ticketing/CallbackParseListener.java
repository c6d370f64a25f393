package org.pchatfailover.ticketing;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pchatfailover.failover.FailoverState;

/**
 * Adds the milestone listeners to the processes that call the ticketing system back, when they are deployed:
 * process start (RUNNING), every user task created (WAITING_FOR_OPERATOR) and process end (COMPLETED or
 * ABORTED). Built-in listeners, so they also run when an admin cancels a failover skipping custom listeners;
 * nothing in the model, so Modeler users cannot lose them.
 */
class CallbackParseListener extends AbstractBpmnParseListener {

	private final Set<String> processKeys;

	private final ExecutionListener started;

	private final ExecutionListener ended;

	private final TaskListener waiting;

	CallbackParseListener(CallbackScheduler callbacks, Set<String> processKeys) {
		this.processKeys = processKeys;
		this.started = execution -> callbacks.schedule(execution, FailoverState.RUNNING,
				execution.getCurrentActivityId());
		this.ended = execution -> callbacks.schedule(execution, endState(execution), execution.getCurrentActivityId());
		this.waiting = task -> callbacks.schedule(task.getExecution(), FailoverState.WAITING_FOR_OPERATOR,
				task.getTaskDefinitionKey());
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		if (processKeys.contains(processDefinition.getKey())) {
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
		}
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (processKeys.contains(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
			((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
				.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, waiting);
		}
	}

	private static FailoverState endState(DelegateExecution execution) {
		return FailoverState.ofEnd(execution.getCurrentActivityId(), execution.isCanceled());
	}

}
