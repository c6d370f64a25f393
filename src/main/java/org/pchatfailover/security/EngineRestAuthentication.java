package org.pchatfailover.security;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest} (Camunda's filter) and the product's own {@code /api} ({@link ApiAuthenticationFilter},
 * problem+json errors) answer only to authenticated engine users, {@code /actuator} beyond the health status only
 * to {@code pchat-admins} ({@link ActuatorAccessFilter}); the engine then applies authorizations, and
 * {@link CurrentUser} the product's group rules. In front of all of them and of the webapps' login form,
 * {@link LoginThrottleFilter} slows down an address that keeps sending wrong passwords.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ LoginThrottleProperties.class, AuthenticationCacheProperties.class })
class EngineRestAuthentication {

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottleProperties properties) {
		FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(new LoginThrottle(properties, Clock.systemUTC())));
		registration.setName("pchat-login-throttle");
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*", "/actuator",
				"/actuator/*");
		// before the filters that check the password: a throttled address must not reach the check at all
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

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
	AuthenticationCache authenticationCache(AuthenticationCacheProperties properties) {
		return new AuthenticationCache(properties, Clock.systemUTC());
	}

	@Bean
	EngineUserCheck engineUserCheck(IdentityService identity, AuthenticationCache cache) {
		return new EngineUserCheck(identity, cache);
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity,
			EngineUserCheck users) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identity, users));
		registration.setName("pchat-api-auth");
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(EngineUserCheck users) {
		FilterRegistrationBean<ActuatorAccessFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAccessFilter(users));
		registration.setName("pchat-actuator-access");
		registration.addUrlPatterns("/actuator", "/actuator/*");
		return registration;
	}

}
