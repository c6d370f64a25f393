package org.pchatfailover.failback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.pchatfailover.failover.FailoverVariables;

/**
 * The shipped failback model keeps DESIGN.md's contract and stays drawable: the step ids in the article's order,
 * asynchronous retried service steps, forms that exist and bind only known variables, BPMNDI without overlaps.
 */
public class FailbackModelTest {

	private static final Path MODEL = Path.of("bpmn/persistent-chat-failback.bpmn");

	private static final Path FORMS = Path.of("bpmn/forms");

	private final BpmnModelInstance model = read();

	@Test
	void hasTheStepIdsOfTheDesign() {
		assertThat(ids(ServiceTask.class)).containsExactlyInAnyOrder("CheckFailbackPreconditions", "ClearActiveServers",
				"RemoveMirroring", "BackupDatabase", "RestorePrimaryDatabase", "ReestablishLogShipping",
				"SetActiveServers", "SetPoolNormal");
		// ConfirmOverwritePrimary: the deliberate extension of the design's table (docs/DESIGN-NOTES.md, "The failback")
		assertThat(ids(UserTask.class)).containsExactlyInAnyOrder("ConfirmFailback", "ConfirmOverwritePrimary",
				"MirrorPrimaryDatabase", "RunLogShippingScript", "ShipLogsFromPrimaryMirror", "ConfirmActiveServers",
				"VerifyService");
		assertThat(ids(EndEvent.class)).containsExactlyInAnyOrder("FailbackCompleted", "FailbackAborted");
		Process process = model.getModelElementById(FailbackVariables.PROCESS_ID);
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).matches("P\\d+D");
		assertThat(process.getCamundaVersionTag()).matches("\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void runsEveryServiceStepAsynchronouslyWithTheConfiguredRetryCycle() {
		for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(step.isCamundaAsyncBefore()).as(step.getId()).isTrue();
			assertThat(step.getCamundaDelegateExpression()).as(step.getId()).matches("\\$\\{[a-zA-Z]+\\}");
			assertThat(step.getExtensionElements().getDomElement().getTextContent()).contains("${retryPolicy.cycle}");
		}
	}

	@Test
	void offersEveryUserTaskToOperatorsWithAFormBindingOnlyKnownVariables() throws IOException {
		Set<String> known = constants(FailoverVariables.class);
		known.addAll(constants(FailbackVariables.class));
		known.add("activeServerOptions");
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo("pchat-operators");
			assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
			JsonNode form = form(task.getCamundaFormRef());
			for (JsonNode component : form.path("components")) {
				for (String binding : List.of("key", "valuesKey")) {
					if (component.has(binding)) {
						assertThat(known).as(task.getId() + " " + binding).contains(component.get(binding).asText());
					}
				}
			}
		}
	}

	@Test
	void drawsEveryElementWithoutOverlappingShapes() {
		Set<String> drawn = new HashSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
		model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if (element instanceof FlowNode || element instanceof SequenceFlow) {
				assertThat(drawn).as("BPMNDI for " + element.getId()).contains(element.getId());
			}
		}
		// a boundary event sits on its task's border by design
		List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class)
			.stream()
			.filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent))
			.toList());
		for (int i = 0; i < shapes.size(); i++) {
			for (int j = i + 1; j < shapes.size(); j++) {
				Bounds a = shapes.get(i).getBounds();
				Bounds b = shapes.get(j).getBounds();
				boolean overlap = a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
						&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
				assertThat(overlap).as(shapes.get(i).getBpmnElement().getId() + " overlaps "
						+ shapes.get(j).getBpmnElement().getId()).isFalse();
			}
		}
	}

	/** Every {@code ${bean}} the failback model names: delegates and listeners. */
	public static Set<String> expressionBeans() {
		BpmnModelInstance model = read();
		Set<String> beans = new HashSet<>(Set.of("retryPolicy"));
		model.getModelElementsByType(ServiceTask.class).forEach(t -> beans.add(unwrap(t.getCamundaDelegateExpression())));
		model.getModelElementsByType(CamundaTaskListener.class)
			.forEach(l -> beans.add(unwrap(l.getCamundaDelegateExpression())));
		model.getModelElementsByType(CamundaExecutionListener.class)
			.forEach(l -> beans.add(unwrap(l.getCamundaDelegateExpression())));
		return beans;
	}

	private static JsonNode form(String id) throws IOException {
		try (var files = Files.list(FORMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				JsonNode form = new ObjectMapper().readTree(file.toFile());
				if (id.equals(form.path("id").asText())) {
					return form;
				}
			}
		}
		throw new AssertionError("no form " + id + " in " + FORMS);
	}

	private static Set<String> constants(Class<?> type) {
		Set<String> names = new HashSet<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					names.add((String) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return names;
	}

	private <T extends BaseElement> List<String> ids(Class<T> type) {
		return model.getModelElementsByType(type).stream().map(BaseElement::getId).toList();
	}

	private static BpmnModelInstance read() {
		try (InputStream in = Files.newInputStream(MODEL)) {
			return Bpmn.readModelFromStream(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unwrap(String expression) {
		return expression.substring(2, expression.length() - 1);
	}

}
