package org.pchatfailover.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ReportControllerTest {

	@Test
	void jsonUnlessTheClientPrefersHtmlOrMarkdown() {
		assertThat(ReportController.format("")).contains(MediaType.APPLICATION_JSON);
		assertThat(ReportController.format("*/*")).contains(MediaType.APPLICATION_JSON);
		assertThat(ReportController.format("text/*")).hasValueSatisfying(t -> assertThat(t.getSubtype()).isEqualTo("html"));
		assertThat(ReportController.format("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
			.hasValueSatisfying(t -> assertThat(t.getSubtype()).isEqualTo("html"));
		assertThat(ReportController.format("application/json;q=0.5, text/markdown"))
			.hasValueSatisfying(t -> assertThat(t.getSubtype()).isEqualTo("markdown"));
	}

	@Test
	void nothingForFormatsWeDoNotHaveOrRefusedOnes() {
		assertThat(ReportController.format("image/png")).isEmpty();
		assertThat(ReportController.format("application/json;q=0")).isEmpty();
		assertThat(ReportController.format("not a media type")).isEmpty();
	}

}
