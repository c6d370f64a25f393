package org.pchatfailover.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens browsers for a test and, whatever happens, closes them after it; a test that failed leaves each browser's
 * page source and screenshot under {@code target/e2e/} first, so a red build shows what the operator would have seen.
 */
final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

	private final List<Browser> open = new ArrayList<>();

	/** A browser whose UI language and Accept-Language are {@code languages} (first one the UI's). */
	Browser open(String name, String languages) {
		Browser browser = new Browser(name, languages);
		open.add(browser);
		return browser;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		context.getExecutionException().ifPresent(failure -> open.forEach(browser -> browser.dump(failure.toString())));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		open.forEach(Browser::close);
		open.clear();
	}

}
