package org.pchatfailover.e2e;

import org.openqa.selenium.By;

/**
 * Camunda Tasklist 7.24 as an operator uses it: log in, pick the filter, open a task, claim it, fill in the Camunda
 * Form, complete. Selectors are Tasklist's own markup and form-js's field ids ({@code fjs-form-<form>-<component id>}),
 * which carry the component ids of {@code bpmn/forms/*.form}, so they hold in every language.
 */
final class TasklistPage {

	private static final By FORM = By.cssSelector(".fjs-form");

	private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

	private static final By ERROR = By.cssSelector(".page-notifications .alert-danger");

	private final Browser browser;

	private final String baseUrl;

	TasklistPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	void login(String user) {
		browser.open(baseUrl + "/camunda/app/tasklist/default/");
		browser.type(By.cssSelector("input[ng-model=username]"), user);
		browser.screenshot("tasklist-login");
		// the lab's users have their name as password (README, a drill lab)
		browser.type(By.cssSelector("input[ng-model=password]"), user);
		browser.click(By.cssSelector("button[type=submit]"));
		browser.visible(By.cssSelector(".task-filter"));
	}

	void selectFilter(String filterName) {
		browser.click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'" + filterName + "')]"));
		browser.visible(By.cssSelector(".task-filter.active"));
	}

	/** Marks the loaded page: a reload would lose the mark, so it proves that what appears later came by itself. */
	void markPage() {
		browser.script("window.pchatE2eMark = 'loaded once';");
	}

	boolean stillTheMarkedPage() {
		return "loaded once".equals(browser.script("return window.pchatE2eMark;"));
	}

	By taskInList(String taskId) {
		return By.cssSelector("ol.tasks-list a[href='#/?task=" + taskId + "']");
	}

	void openFromList(String taskId) {
		browser.click(taskInList(taskId));
		claim();
	}

	/** Opens the task by its Tasklist URL, as a link in a ticket or an e-mail does. */
	void openDirectly(String taskId) {
		browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
		browser.visible(FORM);
	}

	private void claim() {
		browser.visible(FORM);
		browser.click(By.cssSelector("button.claim"));
		// the form stays read-only until the task is the operator's
		browser.gone(By.cssSelector(".disabled-form"));
	}

	/** A form field by its component id in {@code bpmn/forms/*.form}. */
	static By field(String componentId) {
		return By.cssSelector("[id$='-" + componentId + "']");
	}

	/** The label of a form field by its component id. */
	static By label(String componentId) {
		return By.cssSelector("label[for$='-" + componentId + "']");
	}

	String formText() {
		return browser.text(FORM);
	}

	String value(String componentId) {
		return browser.visible(field(componentId)).getDomProperty("value");
	}

	void tick(String componentId) {
		browser.click(field(componentId));
	}

	void type(String componentId, String text) {
		browser.type(field(componentId), text);
	}

	void complete() {
		browser.click(COMPLETE);
	}

	void awaitFormClosed() {
		browser.gone(FORM);
	}

	/** The message Tasklist shows when the engine refused the form. */
	String refusal() {
		return browser.text(ERROR);
	}

	void dismissRefusal() {
		browser.click(By.cssSelector(".page-notifications .alert-danger button.close[ng-click^='removeNotification']"));
		browser.gone(ERROR);
	}

}
