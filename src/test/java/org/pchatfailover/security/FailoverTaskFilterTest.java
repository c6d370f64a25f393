package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;

/** The stored filter is the English one that i18n translates on the way to Tasklist: the two must agree. */
class FailoverTaskFilterTest {

	private final Messages english = Messages.of(Languages.ENGLISH);

	@Test
	void theStoredFilterSaysWhatTheEnglishBundleSays() {
		assertThat(AccessSetup.TASK_FILTER).isEqualTo(english.text("tasklistFilter.name"));
		assertThat(FailoverTaskFilter.PROPERTIES.get("description")).isEqualTo(english.text("tasklistFilter.description"));
		@SuppressWarnings("unchecked")
		List<Map<String, String>> variables = (List<Map<String, String>>) FailoverTaskFilter.PROPERTIES.get("variables");
		assertThat(variables).allSatisfy(variable -> assertThat(variable.get("label"))
			.isEqualTo(english.text("tasklistFilter.variable." + variable.get("name"))));
	}

	@Test
	void theListShowsTheVariablesBothProcessesSet() {
		assertThat(FailoverTaskFilter.TICKET_ID).isEqualTo(FailoverVariables.TICKET_ID);
		assertThat(FailoverTaskFilter.POOL_FQDN).isEqualTo(FailoverVariables.POOL_FQDN);
	}

}
