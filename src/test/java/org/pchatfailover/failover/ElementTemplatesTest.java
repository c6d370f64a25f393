package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element templates a modeler applies in Camunda Modeler (bpmn/element-templates/*.json): valid under the Camunda 7
 * element-template schema (a copy of @camunda/element-templates-json-schema 0.22.1 in src/test/resources), one per
 * kind of service step, and already followed by the shipped model. "Applying changes nothing" is checked the way
 * Camunda Modeler applies a Camunda 7 template (bpmn-js-element-templates, ChangeElementTemplateHandler): each
 * {@code property} binding writes the template's value, or what the modeler picks where the template asks; so a
 * fixed value must be the step's own, a choice must offer the step's own, and nothing else may be bound.
 */
public class ElementTemplatesTest {

	static final Path TEMPLATES = Path.of("bpmn/element-templates");

	static final String SCHEMA = "/element-templates/camunda-7-element-templates-schema.json";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final ObjectMapper JSON = new ObjectMapper();

	static Schema schema;

	static Map<String, JsonNode> templates = new HashMap<>();

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = ElementTemplatesTest.class.getResourceAsStream(SCHEMA)) {
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
		}
		for (Path file : files()) {
			JsonNode template = JSON.readTree(file.toFile());
			templates.put(template.path("id").asText(), template);
		}
	}

	@Test
	void followTheCamunda7ElementTemplateSchema() throws IOException {
		assertThat(files()).hasSize(3);
		for (Path file : files()) {
			List<Error> errors = schema.validate(JSON.readTree(file.toFile()));
			assertThat(errors).as(file.toString()).isEmpty();
		}
	}

	@Test
	void theSchemaRefusesATemplateItDoesNotDescribe() {
		ObjectNode broken = templates.get("org.pchatfailover.LyncStep").deepCopy();
		((ObjectNode) broken.path("properties").get(0)).remove("binding");
		broken.put("documentationRef", "docs/README.md");

		assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void offerOneTemplatePerKindOfServiceStep() {
		assertThat(templates).containsOnlyKeys("org.pchatfailover.SqlServerStep", "org.pchatfailover.CopyStep",
				"org.pchatfailover.LyncStep");
		templates.forEach((id, template) -> {
			assertThat(template.path("documentationRef").asText()).as(id).startsWith("https://");
			assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
			assertThat(binding(template, "camunda:delegateExpression").path("type").asText()).isEqualTo("Dropdown");
			JsonNode async = binding(template, "camunda:asyncBefore");
			assertThat(async.path("type").asText()).isEqualTo("Hidden");
			assertThat(async.path("value").asBoolean()).as(id + " asyncBefore").isTrue();
			assertThat(template.path("properties").findValuesAsText("type")).as(id).doesNotContain("String", "Text");
			template.path("properties").forEach(property -> assertThat(property.at("/binding/type").asText())
				.as(id + ": only attributes, so a step's extension elements (its retry cycle) stay as they are")
				.isEqualTo("property"));
		});
	}

	@Test
	void changeNothingWhenAppliedToTheShippedSteps() {
		for (ServiceTask step : shippedSteps()) {
			String templateId = step.getAttributeValueNs(CAMUNDA, "modelerTemplate");
			assertThat(templates).as(step.getId() + " names a template").containsKey(templateId);
			JsonNode template = templates.get(templateId);
			assertThat(step.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"))
				.isEqualTo(template.path("version").asText());
			for (JsonNode property : template.path("properties")) {
				String attribute = property.at("/binding/name").asText();
				String current = step.getAttributeValueNs(CAMUNDA, attribute.substring("camunda:".length()));
				assertThat(appliedValue(property, current)).as(step.getId() + " " + attribute).isEqualTo(current);
			}
			// applying a delegateExpression clears camunda:class and camunda:expression: the steps have none
			assertThat(step.getCamundaClass()).isNull();
			assertThat(step.getCamundaExpression()).isNull();
		}
	}

	@Test
	void offerEachStepUnderItsOwnId() {
		for (ServiceTask step : shippedSteps()) {
			JsonNode choices = binding(templates.get(step.getAttributeValueNs(CAMUNDA, "modelerTemplate")),
					"camunda:delegateExpression").path("choices");
			List<String> names = new ArrayList<>();
			choices.forEach(choice -> {
				if (choice.path("value").asText().equals(step.getCamundaDelegateExpression())) {
					names.add(choice.path("name").asText());
				}
			});
			assertThat(names).as(step.getId()).singleElement().asString().startsWith(step.getId() + ": ");
			// the one exception: the failback's SetActiveServers (DESIGN.md's id) is a bean of its own, the failover
			// already has ${setActiveServers}
			String bean = FAILBACK_BEANS.getOrDefault(step.getId() + "@" + processOf(step),
					Character.toLowerCase(step.getId().charAt(0)) + step.getId().substring(1));
			assertThat(step.getCamundaDelegateExpression()).isEqualTo("${" + bean + "}");
		}
	}

	@Test
	void areAppliedToEveryServiceStepOfBothProcesses() {
		assertThat(shippedSteps()).extracting(step -> processOf(step) + ":" + step.getId())
			.contains("persistentChatFailover:RecoverDatabase", "persistentChatFailback:RestorePrimaryDatabase",
					"persistentChatFailback:ClearActiveServers");
		assertThat(shippedSteps()).allSatisfy(step -> assertThat(step.getAttributeValueNs(CAMUNDA, "modelerTemplate"))
			.as(step.getId()).isNotBlank());
	}

	private static final Map<String, String> FAILBACK_BEANS = Map.of("SetActiveServers@persistentChatFailback",
			"setFailbackActiveServers");

	/** The service steps of the shipped failover and failback models. */
	static List<ServiceTask> shippedSteps() {
		List<ServiceTask> steps = new ArrayList<>();
		for (String model : List.of("bpmn/persistent-chat-failover.bpmn", "bpmn/persistent-chat-failback.bpmn")) {
			steps.addAll(Bpmn.readModelFromFile(Path.of(model).toFile()).getModelElementsByType(ServiceTask.class));
		}
		return steps;
	}

	private static String processOf(ServiceTask step) {
		ModelElementInstance parent = step.getParentElement();
		return ((BaseElement) parent).getId();
	}

	/** The delegate names every template offers, for the check that each is a bean. */
	public static List<String> offeredBeans() throws IOException {
		read();
		return templates.values()
			.stream()
			.flatMap(template -> binding(template, "camunda:delegateExpression").path("choices").findValuesAsText("value")
				.stream())
			.map(expression -> expression.substring(2, expression.length() - 1))
			.toList();
	}

	/**
	 * What applying the template writes: a hidden or read-only value as it stands; for a field the modeler fills in,
	 * the step's own value when the field accepts it (a choice offered, the constraints met), else the default.
	 */
	private static String appliedValue(JsonNode property, String current) {
		String value = property.has("value") ? property.get("value").asText() : null;
		if (property.path("type").asText().equals("Hidden") || !property.path("editable").asBoolean(true)) {
			return value;
		}
		boolean offered = !property.path("type").asText().equals("Dropdown")
				|| property.path("choices").findValuesAsText("value").contains(current);
		return offered && meetsConstraints(property.path("constraints"), current) ? current : value;
	}

	/** As the properties panel validates: notEmpty, min/maxLength, and a pattern found anywhere (JavaScript test). */
	private static boolean meetsConstraints(JsonNode constraints, String value) {
		String text = value == null ? "" : value;
		JsonNode pattern = constraints.path("pattern");
		String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText(null);
		return !(constraints.path("notEmpty").asBoolean() && text.isBlank())
				&& text.length() >= constraints.path("minLength").asInt(0)
				&& text.length() <= constraints.path("maxLength").asInt(Integer.MAX_VALUE)
				&& (regex == null || Pattern.compile(regex).matcher(text).find());
	}

	private static JsonNode binding(JsonNode template, String attribute) {
		for (JsonNode property : template.path("properties")) {
			if (attribute.equals(property.at("/binding/name").asText())) {
				return property;
			}
		}
		throw new AssertionError(template.path("id").asText() + " binds no " + attribute);
	}

	private static List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

}
