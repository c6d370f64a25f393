package org.pchatfailover;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The check {@link ApiClient} makes after every exchange, against the committed docs/openapi.json. */
class ApiDescriptionTest {

	@Test
	void passesAnAnswerTheDescriptionLists() {
		assertThatCode(() -> ApiDescription.check("POST", "/api/failovers", 409, "application/problem+json"))
			.doesNotThrowAnyException();
		assertThatCode(() -> ApiDescription.check("GET", "/api/failovers/7846e6c7/report", 200,
				"text/markdown;charset=UTF-8"))
			.doesNotThrowAnyException();
		assertThatCode(() -> ApiDescription.check("GET", "/api/failovers?ticketId=INC-1", 400,
				"application/problem+json"))
			.doesNotThrowAnyException();
	}

	@Test
	void failsOnAStatusTheOperationDoesNotList() {
		assertThatThrownBy(() -> ApiDescription.check("GET", "/api/failovers/7846e6c7", 409, "application/problem+json"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("GET /api/failovers/{id} answered 409")
			.hasMessageContaining("[200, 401, 403, 404, 406, 429]");
	}

	@Test
	void failsOnAContentTypeTheStatusDoesNotList() {
		assertThatThrownBy(() -> ApiDescription.check("GET", "/api/pools", 403, "text/html"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("as text/html");
	}

	@Test
	void failsOnAnOperationTheDescriptionDoesNotHave() {
		assertThatThrownBy(() -> ApiDescription.check("DELETE", "/api/failovers/7846e6c7", 405, "application/problem+json"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("describes no such operation");
	}

	@Test
	void leavesOutWhatIsNotDescribedHere() {
		assertThatCode(() -> {
			ApiDescription.check("POST", "/api/lab/scenarios/normal", 200, "application/json");
			ApiDescription.check("GET", "/engine-rest/task", 200, "application/json");
		}).doesNotThrowAnyException();
	}

}
