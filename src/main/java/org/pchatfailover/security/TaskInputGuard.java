package org.pchatfailover.security;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person may write when finishing a task, whatever the endpoint (engine REST, Tasklist's own API, Java):
 * the fields of the task's form and nothing else. Completing a task with variables needs only "work on the task"
 * in Camunda, and that would let an operator set {@code actionLog}, {@code poolFqdn}, {@code ticketId},
 * {@code callbackUrl} or the plan. Every other way to write a variable needs a permission operators are not granted
 * ({@link AccessSetup}). Engine code (no authenticated user) and Camunda administrators are not limited here.
 */
class TaskInputGuard extends CommandInterceptor {

	/** The engine's variable column and the forms' {@code maxLength} of a comment. */
	static final int MAX_TEXT_LENGTH = 4000;

	private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");

	private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");

	private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");

	private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

	private final TaskForms forms;

	TaskInputGuard(TaskForms forms) {
		this.forms = forms;
	}

	@Override
	public <T> T execute(Command<T> command) {
		// ResolveTaskCmd is a CompleteTaskCmd: resolving a delegated task also sets variables
		if (command instanceof CompleteTaskCmd) {
			check(read(COMPLETE_TASK, command), read(COMPLETE_VARIABLES, command));
			return unwrappingRefusals(command);
		}
		else if (command instanceof SubmitTaskFormCmd) {
			check(read(SUBMIT_TASK, command), read(SUBMIT_VARIABLES, command));
			return unwrappingRefusals(command);
		}
		else if ((command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd)
				&& isPerson(Context.getCommandContext())) {
			// the failover's tasks catch no error or escalation: an operator finishes a task by completing it
			throw new AuthorizationException("a failover task is completed with its form; BPMN errors and "
					+ "escalations on it are for administrators only");
		}
		return next.execute(command);
	}

	/**
	 * The engine wraps whatever a task listener throws in ENGINE-03051, a plain ProcessEngineException that it logs
	 * as an error with a trace and its REST API answers with 500. A completion check's refusal is handed on as
	 * itself instead, so the engine logs it at DEBUG and {@link TaskRefusals} answers it with 400.
	 */
	private <T> T unwrappingRefusals(Command<T> command) {
		try {
			return next.execute(command);
		}
		catch (ProcessEngineException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof TaskRefusedException refusal) {
					throw refusal;
				}
			}
			throw ex;
		}
	}

	private void check(Object taskId, Object submitted) {
		CommandContext context = Context.getCommandContext();
		if (!(submitted instanceof Map<?, ?> variables) || variables.isEmpty() || !(taskId instanceof String id)
				|| !isPerson(context)) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(id);
		if (task == null || task.getTaskDefinition() == null) {
			return; // the command itself answers "no such task"; a standalone task belongs to no failover
		}
		Expression formRef = task.getTaskDefinition().getCamundaFormDefinitionKey();
		TaskForms.Fields fields = forms.of(formRef == null ? null : formRef.getExpressionText());
		for (Object key : variables.keySet()) {
			String name = String.valueOf(key);
			String value = text(variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(key));
			if (fields.editable().contains(name)) {
				if (value != null && value.length() > MAX_TEXT_LENGTH) {
					throw refused(task, name, "'" + name + "' is longer than " + MAX_TEXT_LENGTH + " characters");
				}
			}
			else if (!fields.readOnly().contains(name) || !unchanged(task, name, value)) {
				throw refused(task, name, "'" + name + "' is not a field of this task's form"
						+ (fields.readOnly().contains(name) ? " that may be changed" : "") + "; it takes "
						+ fields.editable().stream().sorted().toList());
			}
		}
	}

	private static boolean isPerson(CommandContext context) {
		Authentication user = context.getAuthentication();
		return user != null && !context.getAuthorizationManager().isCamundaAdmin(user);
	}

	// a read-only field sent back as shown: the form submitting its data, not a change
	private static boolean unchanged(TaskEntity task, String name, String value) {
		String current = text(task.getVariableTyped(name, false));
		return current == null ? value == null || value.isEmpty() : current.equals(value);
	}

	/** The value as text without deserializing it (JSON and objects as sent); null for none. */
	private static String text(Object value) {
		if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
			return serializable.getValueSerialized();
		}
		Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
		return plain == null ? null : String.valueOf(plain);
	}

	private static TaskRefusedException refused(TaskEntity task, String field, String reason) {
		return new TaskRefusedException(task.getTaskDefinitionKey(), field, reason);
	}

	private static Object read(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("cannot read " + field, ex);
		}
	}

	// fails the start, not a task, if a Camunda upgrade renames what is read here
	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(type.getName() + " has no field " + name + "; check TaskInputGuard against"
					+ " this Camunda version", ex);
		}
	}

}
