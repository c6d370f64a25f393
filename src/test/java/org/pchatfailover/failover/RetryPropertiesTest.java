package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pchat.retry.cycle}: a bad value stops start-up, not a failover. */
class RetryPropertiesTest {

	static ValidatorFactory factory;

	static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "R3/PT1M", "R1/PT1S", "R10/PT1H30M", "R2/P1D" })
	void acceptsIsoRepeats(String cycle) {
		assertThat(validator.validate(new RetryProperties(cycle))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "every minute", "PT1M", "R3", "R3/PT1M,PT5M", "${evil}" })
	void refusesAnythingElseNamingTheExpectedForm(String cycle) {
		assertThat(validator.validate(new RetryProperties(cycle))).extracting(ConstraintViolation::getMessage)
			.containsExactly("must be an ISO 8601 repeat such as R3/PT1M");
	}

}
