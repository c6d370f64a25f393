package org.pchatfailover.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Cockpit 7.24's process instance view as an admin uses it after an incident: the diagram (bpmn-js, each
 * element an SVG group with {@code data-element-id}) with the incident badge on the failing activity, and the
 * Incidents tab's retry ("Increment Number of Retries of Failed Job").
 */
final class CockpitPage {

	private final Browser browser;

	private final String baseUrl;

	CockpitPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	/** Opens the failover's runtime view (the API's {@code links.cockpit}) and logs in on the way. */
	void openInstance(String cockpitLink, String user) {
		browser.open(baseUrl + cockpitLink);
		browser.type(By.cssSelector("input[ng-model=username]"), user);
		browser.type(By.cssSelector("input[ng-model=password]"), user);
		browser.click(By.cssSelector("button[type=submit]"));
	}

	/** The activity's shape in the diagram, once bpmn-js drew it. */
	void awaitDiagramWith(String activityId) {
		browser.visible(By.cssSelector("g.djs-element[data-element-id='" + activityId + "']"));
	}

	/** The red incident count on the activity, once Cockpit put its badges on the diagram. */
	String incidentBadge(String activityId) {
		return browser.text(incidentBadgeOf(activityId));
	}

	/** Badges shown: Cockpit keeps an empty, hidden incident badge beside each activity's instance count. */
	long activitiesWithIncidentBadges() {
		return browser.all(By.cssSelector(".djs-overlays .instance-incidents")).stream().filter(WebElement::isDisplayed).count();
	}

	static By incidentBadgeOf(String activityId) {
		return By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .instance-incidents");
	}

	void showIncidents() {
		browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Incidents']"));
		browser.visible(By.cssSelector("td.action a[ng-click^='openJobRetryDialog']"));
	}

	String incidentsTable() {
		return browser.text(By.xpath("//tr[@ng-repeat='incident in incidents']"));
	}

	void openRetryDialog() {
		browser.click(By.cssSelector("td.action a[ng-click^='openJobRetryDialog']"));
		browser.visible(By.cssSelector(".modal-dialog button[ng-click='incrementRetry()']"));
	}

	void retry() {
		browser.click(By.cssSelector(".modal-dialog button[ng-click='incrementRetry()']"));
		browser.visible(By.xpath("//div[contains(@class,'modal-body')]/div[contains(normalize-space(.),"
				+ "'has been incremented successfully')]"));
	}

	void closeDialog() {
		browser.click(By.xpath("//div[contains(@class,'modal-footer')]/button[normalize-space(.)='OK']"));
		browser.gone(By.cssSelector(".modal-dialog"));
	}

}
