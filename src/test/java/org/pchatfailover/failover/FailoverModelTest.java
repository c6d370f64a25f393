package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

/**
 * The shipped model keeps the contract of DESIGN.md and stays drawable: step ids, asynchronous retried service
 * steps, forms that exist and parse, and BPMNDI for every element without overlapping shapes.
 */
public class FailoverModelTest {

	private static final Path MODEL = Path.of("bpmn/persistent-chat-failover.bpmn");

	private static final Path FORMS = Path.of("bpmn/forms");

	private static final List<String> SERVICE_STEPS = List.of("CheckPreconditions", "RemoveLogShipping",
			"CopyBackupFiles", "ApplyLogBackups", "EndConnections", "RecoverDatabase", "SetPoolFailedOver",
			"InstallMirror", "SetActiveServers");

	private static final List<String> USER_STEPS = List.of("ConfirmFailover", "CountersignFailover",
			"DecideBrokenLogChain", "CountersignDataLoss", "ConfirmActiveServers", "VerifyService");

	private final BpmnModelInstance model = read();

	@Test
	void hasTheStepIdsOfTheDesign() {
		assertThat(ids(ServiceTask.class)).containsExactlyInAnyOrderElementsOf(SERVICE_STEPS);
		assertThat(ids(UserTask.class)).containsExactlyInAnyOrderElementsOf(USER_STEPS);
		assertThat(ids(EndEvent.class)).containsExactlyInAnyOrder("FailoverCompleted", "FailoverAborted");
		BoundaryEvent boundary = model.getModelElementById("LogChainBrokenBoundary");
		assertThat(boundary.getAttachedTo().getId()).isEqualTo("ApplyLogBackups");
	}

	@Test
	void isExecutableWithAHistoryTimeToLive() {
		Process process = model.getModelElementById(FailoverVariables.PROCESS_ID);
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).matches("P\\d+D");
	}

	/**
	 * A step names {@code ${retryPolicy.cycle}} or no cycle at all: without one the engine's default applies
	 * (Camunda's DefaultFailedJobParseListener), which RetryCycleEnginePlugin sets from the same pchat.retry.cycle. A
	 * step made from an element template has none: Camunda 7 templates cannot bind the cycle (DESIGN-NOTES, API description).
	 */
	@Test
	void runsEveryServiceStepAsynchronouslyWithTheConfiguredRetryCycle() {
		for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(step.isCamundaAsyncBefore()).as(step.getId() + " asyncBefore").isTrue();
			assertThat(step.getCamundaDelegateExpression()).as(step.getId())
				.isEqualTo("${" + beanName(step.getId()) + "}");
			List<String> cycles = step.getExtensionElements() == null ? List.of()
					: step.getExtensionElements()
						.getElementsQuery()
						.filterByType(CamundaFailedJobRetryTimeCycle.class)
						.list()
						.stream()
						.map(CamundaFailedJobRetryTimeCycle::getTextContent)
						.toList();
			assertThat(cycles).as(step.getId() + ": never a cycle of its own")
				.isSubsetOf("${retryPolicy.cycle}")
				.hasSizeLessThanOrEqualTo(1);
		}
	}

	@Test
	void tagsTheProcessWithTheVersionOfItsContract() {
		Process process = model.getModelElementById(FailoverVariables.PROCESS_ID);
		assertThat(process.getCamundaVersionTag()).matches("\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void offersEveryUserTaskToOperatorsWithAFormThatExistsAndParses() throws IOException {
		Set<String> formIds = new HashSet<>();
		for (Path form : forms()) {
			JsonNode schema = new ObjectMapper().readTree(form.toFile());
			formIds.add(schema.path("id").asText());
			assertThat(schema.path("components").isArray()).as(form.toString()).isTrue();
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo("pchat-operators");
			assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(beanName(task.getId()));
			assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
			assertThat(formIds).as("form for " + task.getId()).contains(task.getCamundaFormRef());
		}
	}

	@Test
	void bindsFormFieldsOnlyToKnownProcessVariables() throws IOException {
		Set<String> known = new HashSet<>(variableNames());
		known.add(ActiveServerProposal.OPTIONS);
		Set<String> formRefs = new HashSet<>();
		model.getModelElementsByType(UserTask.class).forEach(task -> formRefs.add(task.getCamundaFormRef()));
		// this model's forms; the failback's have their own test
		for (Path form : forms()) {
			if (!formRefs.contains(new ObjectMapper().readTree(form.toFile()).path("id").asText())) {
				continue;
			}
			for (JsonNode component : new ObjectMapper().readTree(form.toFile()).path("components")) {
				if (component.has("key")) {
					assertThat(known).as(form + " field").contains(component.get("key").asText());
				}
				if (component.has("valuesKey")) {
					assertThat(known).as(form + " values").contains(component.get("valuesKey").asText());
				}
			}
		}
	}

	@Test
	void namesNoBeanLikeAProcessVariable() {
		// a variable shadows a bean of the same name in ${...}: the second visit would call the variable
		assertThat(expressionBeans()).doesNotContainAnyElementsOf(variableNames());
	}

	private static Set<String> variableNames() {
		Set<String> variables = new HashSet<>();
		for (Field field : FailoverVariables.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					variables.add((String) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return variables;
	}

	@Test
	void drawsEveryElementWithoutOverlappingShapes() {
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
		Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
		Set<String> drawn = new HashSet<>();
		shapes.forEach(s -> drawn.add(s.getBpmnElement().getId()));
		edges.forEach(e -> drawn.add(e.getBpmnElement().getId()));
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if (element instanceof FlowNode || element instanceof SequenceFlow) {
				assertThat(drawn).as("BPMNDI for " + element.getId()).contains(element.getId());
			}
		}
		List<BpmnShape> nodes = new ArrayList<>(shapes.stream()
			.filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent))
			.toList());
		for (int i = 0; i < nodes.size(); i++) {
			for (int j = i + 1; j < nodes.size(); j++) {
				assertThat(overlap(nodes.get(i).getBounds(), nodes.get(j).getBounds()))
					.as(nodes.get(i).getBpmnElement().getId() + " overlaps " + nodes.get(j).getBpmnElement().getId())
					.isFalse();
			}
		}
	}

	/** Every {@code ${bean}} the model names: delegates and listeners. */
	public static Set<String> expressionBeans() {
		BpmnModelInstance model = read();
		Set<String> beans = new HashSet<>();
		model.getModelElementsByType(ServiceTask.class).forEach(t -> beans.add(unwrap(t.getCamundaDelegateExpression())));
		model.getModelElementsByType(CamundaTaskListener.class)
			.forEach(l -> beans.add(unwrap(l.getCamundaDelegateExpression())));
		model.getModelElementsByType(CamundaExecutionListener.class)
			.forEach(l -> beans.add(unwrap(l.getCamundaDelegateExpression())));
		beans.add("retryPolicy");
		return beans;
	}

	static BpmnModelInstance read() {
		try (InputStream in = Files.newInputStream(MODEL)) {
			// parses against the BPMN and Camunda schemas: a broken model fails the build here
			return Bpmn.readModelFromStream(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unwrap(String expression) {
		assertThat(expression).matches("\\$\\{[a-zA-Z]+\\}");
		return expression.substring(2, expression.length() - 1);
	}

	private static String beanName(String stepId) {
		return Character.toLowerCase(stepId.charAt(0)) + stepId.substring(1);
	}

	private <T extends BaseElement> List<String> ids(Class<T> type) {
		return model.getModelElementsByType(type).stream().map(BaseElement::getId).toList();
	}

	private static List<Path> forms() throws IOException {
		try (Stream<Path> files = Files.list(FORMS)) {
			return files.filter(f -> f.toString().endsWith(".form")).toList();
		}
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

}
