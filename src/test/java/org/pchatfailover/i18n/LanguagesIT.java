package org.pchatfailover.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.security.WebappLogin;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The runbook's languages over real HTTP: the form Tasklist fetches for a task (the webapp's own engine API, logged
 * in as a browser is, and the engine REST API), Tasklist's filter list, the report and problem titles, each in the
 * language {@code Accept-Language} asks for, and English when it asks for English or for nothing we speak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LanguagesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	/** What Chromium started with {@code --lang=de} and {@code --lang=zh-CN} sends. */
	private static final String CHROMIUM_GERMAN = "de,de-DE;q=0.9,en;q=0.8";

	private static final String CHROMIUM_CHINESE = "zh-CN,zh;q=0.9";

	private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	private LabDrill lab;

	private final HttpClient basic = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeEach
	void client() {
		lab = new LabDrill(port);
	}

	/**
	 * The one failover these tests read, waiting at ConfirmFailover: a pool runs one failover at a time, and the same
	 * ticket again answers the same failover (200), so every test may ask for it first.
	 */
	private String failoverWaitingForTheOperator() {
		String body = "{\"ticketId\":\"INC-8101\",\"poolFqdn\":\"" + LabDrill.POOL
				+ "\",\"reason\":\"Atlanta lost power\",\"requestedBy\":\"j.doe\"}";
		JsonNode failover = lab.api().send("ticketing", "POST", "/api/failovers", body).json();
		String id = failover.path("id").asText();
		assertThat(id).as(failover.toString()).isNotBlank();
		lab.awaitTask(id, "ConfirmFailover");
		return id;
	}

	@Test
	void tasklistGetsTheFormInTheBrowsersLanguage() throws Exception {
		String taskId = lab.awaitTask(failoverWaitingForTheOperator(), "ConfirmFailover");
		HttpClient tasklist = WebappLogin.session(port, "operator", "operator", "tasklist").client();
		// as Tasklist 7.24 asks for a camunda:formRef form: fetch(<engine uri>/task/{id}/deployed-form?noCache=...)
		String path = WEBAPP_ENGINE + "/task/" + taskId + "/deployed-form?noCache=1764460800000";

		HttpResponse<String> german = send(tasklist, path, CHROMIUM_GERMAN, null);
		assertThat(german.statusCode()).as(german.body()).isEqualTo(200);
		assertThat(german.headers().firstValue("Content-Language")).contains("de");
		JsonNode form = JSON.readTree(german.body());
		assertThat(component(form, "FailoverApprovedField").path("label").asText()).isEqualTo("Entscheidung");
		assertThat(component(form, "FailoverApprovedField").at("/values/0/label").asText())
			.isEqualTo("Genehmigen: jetzt das Failover zum sekundären Rechenzentrum ausführen");
		assertThat(component(form, "FailoverApprovedField").at("/values/0/value").asText()).isEqualTo("true");
		assertThat(component(form, "ConfirmFailoverTitle").path("text").asText())
			.startsWith("## Failover für den Pool für beständigen Chat {{poolFqdn}}")
			.contains("Der Protokollversand wird entfernt");
		assertThat(component(form, "PrimaryDatabaseDownField").path("key").asText()).isEqualTo("primaryDatabaseDown");

		JsonNode chinese = JSON.readTree(send(tasklist, path, CHROMIUM_CHINESE, null).body());
		assertThat(component(chinese, "FailoverApprovedField").path("label").asText()).isEqualTo("决定");
		assertThat(component(chinese, "ConfirmFailoverTitle").path("text").asText()).contains("取消日志传送");

		JsonNode english = JSON.readTree(send(tasklist, path, "en-US,en;q=0.9", null).body());
		JsonNode file = JSON.readTree(Path.of("bpmn/forms/confirm-failover.form").toFile());
		assertThat(english).as("English is the .form file as deployed").isEqualTo(file);
		assertThat(JSON.readTree(send(tasklist, path, "fr-FR,fr;q=0.9", null).body())).isEqualTo(file);
	}

	@Test
	void theEngineRestApiServesTheSameTranslation() throws Exception {
		String taskId = lab.awaitTask(failoverWaitingForTheOperator(), "ConfirmFailover");

		HttpResponse<String> response = send(basic, "/engine-rest/task/" + taskId + "/deployed-form", "pt-BR",
				"operator");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode form = JSON.readTree(response.body());
		assertThat(component(form, "PrimaryMirrorDownField").path("label").asText())
			.isEqualTo("O banco de dados de espelho do mgc primário está desativado");
		HttpResponse<String> german = send(basic, "/engine-rest/task/no-such-task/deployed-form", "de", "operator");
		HttpResponse<String> english = send(basic, "/engine-rest/task/no-such-task/deployed-form", "en", "operator");
		assertThat(german.statusCode()).as("an engine error passes through untouched").isNotEqualTo(200)
			.isEqualTo(english.statusCode());
		assertThat(german.body()).isEqualTo(english.body());
	}

	@Test
	void tasklistsFilterIsNamedInTheBrowsersLanguage() throws Exception {
		HttpClient tasklist = WebappLogin.session(port, "operator", "operator", "tasklist").client();
		String path = WEBAPP_ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task";

		JsonNode german = failoverFilter(send(tasklist, path, CHROMIUM_GERMAN, null));
		assertThat(german.path("name").asText()).isEqualTo("Failover-Aufgaben");
		assertThat(german.at("/properties/variables/1/label").asText()).isEqualTo("Pool");
		assertThat(german.at("/properties/refresh").asBoolean()).as("the filter's behaviour is kept").isTrue();
		assertThat(failoverFilter(send(tasklist, path, CHROMIUM_CHINESE, null)).path("name").asText())
			.isEqualTo("故障转移任务");
		assertThat(failoverFilter(send(tasklist, path, "es", null)).at("/properties/variables/1/label").asText())
			.isEqualTo("Grupo");
		assertThat(failoverFilter(send(tasklist, path, "en", null)).path("name").asText()).isEqualTo("Failover tasks");
	}

	@Test
	void theReportSpeaksTheReadersLanguage() throws Exception {
		String id = failoverWaitingForTheOperator();

		HttpResponse<String> html = send(basic, "/api/failovers/" + id + "/report", "pt-BR", "operator", "text/html");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.body()).contains("<html lang=\"pt-BR\">", "<h1>Relatório de failover INC-8101 - ",
				"<h2>Janela de perda de dados</h2>", "<h2>Linha do tempo</h2>", "<th>Solicitado por</th>")
			.doesNotContain("Data-loss window");
		assertThat(html.headers().firstValue("Content-Language")).contains("pt-BR");

		HttpResponse<String> markdown = send(basic, "/api/failovers/" + id + "/report", "es-ES,es;q=0.9", "operator",
				"text/markdown");
		assertThat(markdown.body()).startsWith("# Informe de conmutación por error INC-8101")
			.contains("## Cronología", "| Solicitado por | j.doe |");

		assertThat(send(basic, "/api/failovers/" + id + "/report", null, "operator", "text/html").body())
			.contains("<html lang=\"en\">", "<h2>Data-loss window</h2>");
		JsonNode json = JSON.readTree(send(basic, "/api/failovers/" + id + "/report", "zh-CN", "operator",
				"application/json").body());
		assertThat(json.path("ticketId").asText()).as("the JSON is for machines: unchanged").isEqualTo("INC-8101");
	}

	@Test
	void problemTitlesSpeakTheReadersLanguageAndKeepTheirFields() throws Exception {
		HttpResponse<String> invalid = send(basic, "/api/failovers", "es", "ticketing", "application/json",
				"{\"ticketId\":\"INC-8104\",\"poolFqdn\":\"not a pool\",\"reason\":\"r\",\"requestedBy\":\"x\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(invalid.body());
		assertThat(problem.path("title").asText()).isEqualTo("Solicitud no válida");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.at("/errors/0/field").asText()).isEqualTo("poolFqdn");

		HttpResponse<String> unreadable = send(basic, "/api/failovers", "de", "ticketing", "application/json", "[");
		assertThat(JSON.readTree(unreadable.body()).path("title").asText()).isEqualTo("Unlesbare Anfrage");
		assertThat(JSON.readTree(unreadable.body()).path("detail").asText())
			.isEqualTo("der Inhalt ist keine Failover-Anfrage in JSON");

		HttpResponse<String> anonymous = send(basic, "/api/failovers", "it-IT,it;q=0.9", null, "application/json");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(anonymous.body()).path("title").asText()).isEqualTo("Non autenticato");

		HttpResponse<String> missing = send(basic, "/api/failovers/no-such-id/report", "zh-CN", "operator",
				"application/json");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(missing.body()).path("title").asText()).isEqualTo("未找到");
		assertThat(JSON.readTree(send(basic, "/api/failovers/no-such-id/report", "en", "operator", "application/json")
			.body()).path("title").asText()).isEqualTo("Not Found");
	}

	private static JsonNode failoverFilter(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		for (JsonNode filter : JSON.readTree(response.body())) {
			if (filter.at("/properties/color").asText().equals("#b5152b")) {
				return filter;
			}
		}
		throw new AssertionError("no failover filter in " + response.body());
	}

	private static JsonNode component(JsonNode form, String id) {
		for (JsonNode component : form.path("components")) {
			if (component.path("id").asText().equals(id)) {
				return component;
			}
		}
		throw new AssertionError("no component " + id + " in " + form);
	}

	private HttpResponse<String> send(HttpClient client, String path, String language, String user) throws Exception {
		return send(client, path, language, user, "application/json");
	}

	private HttpResponse<String> send(HttpClient client, String path, String language, String user, String accept)
			throws Exception {
		return send(client, path, language, user, accept, null);
	}

	private HttpResponse<String> send(HttpClient client, String path, String language, String user, String accept,
			String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(TIMEOUT)
			.header("Accept", accept);
		if (body != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
