package org.pchatfailover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17's browser test: the operators' screens in Debian's chromium, against the app with the lab, one start for
 * every run. The ticketing system starts failovers over HTTP (as in the other full-app tests); the operator and the
 * admin work them only through Tasklist, Cockpit and the report, as people do at 3 a.m.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class: its job executor and lab servers would otherwise poll beside every later test on 2 cores
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OperatorsBrowserIT {

	private static final ReliabilityFigures FIGURES = ReliabilityFigures.of(OperatorsBrowserIT.class);

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		// a failing step is an incident at once: the Cockpit run waits for no retry
		LabTestSupport.incidentAtFirstFailure(registry);
	}

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	LabDrill drill;

	String baseUrl;

	@BeforeEach
	void normalLab() {
		baseUrl = "http://127.0.0.1:" + port;
		drill = new LabDrill(port);
		drill.scenario("normal");
	}

	/** A failed test may leave its failover waiting: it would hold the pool (409) for the next one. */
	@AfterEach
	void endRunningFailovers() {
		for (JsonNode instance : drill.json("admin", "GET", "/engine-rest/process-instance", null, 200)) {
			drill.json("admin", "DELETE", "/engine-rest/process-instance/" + instance.path("id").asText(), null, 204);
		}
	}

	@Test
	void operatorSeesTheTaskArriveIsRefusedOnceApprovesAndTheAdminReadsTheReport() {
		Browser browser = browsers.open("failover", "en-US,en");
		assertThat(browser.driverExecutable()).isEqualTo(Browser.CHROMEDRIVER);
		TasklistPage tasklist = new TasklistPage(browser, baseUrl);
		tasklist.login("operator");
		tasklist.selectFilter("Failover tasks");
		tasklist.markPage();
		browser.screenshot("failover-tasks-before");

		String id = drill.start("INC-1701", "drill: browser test");
		String confirm = drill.awaitTask(id, "ConfirmFailover");
		// Tasklist refreshes the filter every 10 s: wait for it, never reload
		browser.visible(tasklist.taskInList(confirm));
		assertThat(tasklist.stillTheMarkedPage()).as("the task came without a reload").isTrue();
		browser.screenshot("task-appeared");

		tasklist.openFromList(confirm);
		assertThat(tasklist.value("PlanSummaryField")).contains("Log backups to apply in LSN order", "Data loss");
		assertThat(browser.all(TasklistPage.field("ConfirmationCommentField"))).hasSize(1);
		browser.screenshot("confirm-failover");

		tasklist.tick("FailoverApprovedField-0");
		tasklist.type("ConfirmationCommentField", "drill: outage confirmed by the Atlanta DBA on the phone");
		tasklist.complete();
		String refusal = tasklist.refusal();
		browser.screenshot("refused-without-preconditions");
		assertThat(refusal).contains("ConfirmFailover cannot be completed: approval needs every precondition confirmed",
				"'The primary Persistent Chat database (mgc) is down'", "or choose Abort")
			.doesNotContain("ENGINE-");
		assertThat(drill.awaitTask(id, "ConfirmFailover")).as("still waiting for the decision").isEqualTo(confirm);

		tasklist.dismissRefusal();
		for (String precondition : List.of("PrimaryDatabaseDownField", "PrimaryMirrorDownField", "FrontEndDownField",
				"ComplianceOutputSecuredField")) {
			tasklist.tick(precondition);
		}
		tasklist.complete();
		tasklist.awaitFormClosed();

		String activeServers = drill.awaitTask(id, "ConfirmActiveServers");
		browser.visible(tasklist.taskInList(activeServers));
		tasklist.openFromList(activeServers);
		assertThat(browser.all(By.cssSelector("label.fjs-checked[for*='-ActiveServersField-']")))
			.as("the Dallas servers preselected")
			.extracting(label -> label.getText().trim())
			.containsExactly("dal-pc-001.litwareinc.com (Dallas)", "dal-pc-002.litwareinc.com (Dallas)");
		browser.screenshot("confirm-active-servers");
		tasklist.complete();
		tasklist.awaitFormClosed();

		String verify = drill.awaitTask(id, "VerifyService");
		browser.visible(tasklist.taskInList(verify));
		tasklist.openFromList(verify);
		assertThat(tasklist.value("ActiveServerEvidenceField")).contains("tblServerIdentity",
				"dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		tasklist.tick("ServiceVerifiedField-0");
		tasklist.type("VerificationCommentField", "drill: posted and read a message in a chat room");
		browser.screenshot("verify-service");
		tasklist.complete();
		tasklist.awaitFormClosed();
		drill.awaitCompleted(id);

		String report = drill.json("admin", "GET", "/api/failovers/" + id, null, 200).at("/links/report").asText();
		// the API asks for HTTP basic credentials, which the browser answers over CDP (this browser talks to no one else)
		((HasAuthentication) browser.driver()).register(UsernameAndPassword.of("admin", "admin"));
		browser.open(baseUrl + report);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Failover report INC-1701 - " + LabDrill.POOL);
		assertThat(browser.text(By.tagName("body"))).contains("COMPLETED",
				"Set-CsPersistentChatState -Identity 'service:" + LabDrill.POOL + "' -PoolState 'FailedOver'");
		browser.screenshot("report");
	}

	@Test
	void adminSeesTheIncidentOnTheFailingStepInCockpitAndRetriesItThere() {
		String id = drill.start("INC-1702", "drill: Lync shell fails");
		drill.awaitTask(id, "ConfirmFailover");
		drill.json("admin", "POST", "/api/lab/faults/cmdlet-failure", null, 200);
		FIGURES.kind("faultKinds", "cmdlet-failure");
		drill.approve(id, "drill: Lync shell fails");
		drill.awaitState(id, "INCIDENT");

		Browser browser = browsers.open("incident", "en-US,en");
		CockpitPage cockpit = new CockpitPage(browser, baseUrl);
		cockpit.openInstance(drill.json("admin", "GET", "/api/failovers/" + id, null, 200).at("/links/cockpit").asText(),
				"admin");
		cockpit.awaitDiagramWith("SetPoolFailedOver");
		assertThat(cockpit.incidentBadge("SetPoolFailedOver")).isEqualTo("1");
		assertThat(cockpit.activitiesWithIncidentBadges()).as("no other step is marked").isEqualTo(1L);
		browser.screenshot("cockpit-incident-on-diagram");
		cockpit.showIncidents();
		assertThat(cockpit.incidentsTable()).contains("Set-CsPersistentChatState", "Set pool state FailedOver");
		browser.screenshot("cockpit-incidents");

		drill.json("admin", "DELETE", "/api/lab/faults/cmdlet-failure", null, 200);
		cockpit.openRetryDialog();
		browser.screenshot("cockpit-retry-dialog");
		cockpit.retry();
		browser.screenshot("cockpit-retried");
		cockpit.closeDialog();

		drill.awaitTask(id, "ConfirmActiveServers");
		browser.driver().navigate().refresh();
		cockpit.awaitDiagramWith("ConfirmActiveServers");
		browser.visible(By.cssSelector(".djs-overlays[data-container-id='ConfirmActiveServers'] .instance-count"));
		assertThat(cockpit.activitiesWithIncidentBadges()).as("the incident is gone").isZero();
		browser.screenshot("cockpit-past-the-incident");
		drill.complete(id, "ConfirmActiveServers", Map.of());
		drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		drill.awaitCompleted(id);
		JsonNode pool = drill.json("admin", "GET", "/api/lab/state", null, 200).at("/lync/pools/" + LabDrill.POOL);
		assertThat(pool.path("poolState").asText()).isEqualTo("FailedOver");
		assertThat(incidents(id)).isEmpty();
		FIGURES.add("faultsRecovered", 1);
	}

	// i18n: these two hold the forms to the runbook's own German and Chinese terms (/work/shared/runbook/, 004 and
	// 003: "Protokollversand" / "日志传送" for log shipping). They fail until the i18n branch's translations are merged.
	@Test
	void confirmFailoverSpeaksGermanInAGermanBrowser() {
		assertConfirmFailoverTranslated("de", "de-DE,de", "Protokollversand");
	}

	@Test
	void confirmFailoverSpeaksChineseInAChineseBrowser() {
		assertConfirmFailoverTranslated("zh-CN", "zh-CN,zh", "日志传送");
	}

	/**
	 * ui3: each form shows where the failover is (issue 17: steps done, this one, the next ones) and links to the live
	 * report. Enable once the progress section is merged; adjust the words if ui3 names the steps differently.
	 */
	@Test
	void everyFormShowsTheFailoversProgressAndLinksTheLiveReport() {
		String id = drill.start("INC-1705", "drill: progress");
		String confirm = drill.awaitTask(id, "ConfirmFailover");
		Browser browser = browsers.open("progress", "en-US,en");
		TasklistPage tasklist = new TasklistPage(browser, baseUrl);
		tasklist.login("operator");
		tasklist.openDirectly(confirm);
		browser.screenshot("confirm-failover-progress");
		assertThat(tasklist.formText()).contains("Check preconditions and build plan", "Confirm failover",
				"Remove log shipping");
		assertThat(browser.all(By.cssSelector(".fjs-form a[href$='/api/failovers/" + id + "/report']"))).isNotEmpty();
	}

	private void assertConfirmFailoverTranslated(String name, String languages, String logShipping) {
		String id = drill.start("INC-17-" + name.toUpperCase(), "drill: " + name);
		String confirm = drill.awaitTask(id, "ConfirmFailover");
		Browser browser = browsers.open(name, languages);
		TasklistPage tasklist = new TasklistPage(browser, baseUrl);
		tasklist.login("operator");
		tasklist.openDirectly(confirm);
		browser.screenshot("confirm-failover");
		String form = tasklist.formText();
		drill.complete(id, "ConfirmFailover",
				Map.of("failoverApproved", "false", "confirmationComment", "drill: " + name + " forms"));
		drill.awaitState(id, "ABORTED");
		assertThat(browser.script("return navigator.languages;")).as("the browser asks for the language")
			.asString()
			.startsWith("[" + languages.split(",")[0]);
		assertThat(form).as("the runbook's term for log shipping").contains(logShipping);
		assertThat(form).as("no English guidance left").doesNotContain("Read the plan", "Runbook preconditions");
	}

	private List<JsonNode> incidents(String id) {
		JsonNode incidents = drill.json("admin", "GET", "/engine-rest/incident?processInstanceId=" + id, null, 200);
		return StreamSupport.stream(incidents.spliterator(), false).toList();
	}

}
