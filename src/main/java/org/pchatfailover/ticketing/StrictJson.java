package org.pchatfailover.ticketing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON requests are taken as written: a number or a boolean where text is expected, text where a number is
 * expected, a property twice, or anything after the object is a 400 naming the field, never a guess. A ticketing
 * system that sends {@code "ticketId": 42} has a bug worth seeing, and with a key twice the engine and a proxy in
 * front of it could each read a different value. Engine REST and Spin keep their own mappers.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonRequests() {
		return builder -> builder.featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			// ALLOW_COERCION_OF_SCALARS covers numbers and booleans as targets, not text: 42 and true would still
			// become "42" and "true" without these
			.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
