package org.pchatfailover.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} (Camunda's filter) and the product's own {@code /api} ({@link ApiAuthenticationFilter},
 * problem+json errors) answer only to authenticated engine users, {@code /actuator} beyond the health status only
 * to {@code pchat-admins} ({@link ActuatorAccessFilter}); the engine then applies authorizations, and
 * {@link CurrentUser} the product's group rules.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-engine-rest-auth");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identity));
		registration.setName("pchat-api-auth");
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(IdentityService identity) {
		FilterRegistrationBean<ActuatorAccessFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAccessFilter(identity));
		registration.setName("pchat-actuator-access");
		registration.addUrlPatterns("/actuator", "/actuator/*");
		return registration;
	}

}
