package org.pchatfailover.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Camunda webapps' initial-user setup for good. Camunda lets anyone create a {@code camunda-admin}
 * user while that group has no member, and this product's administrators are in {@code pchat-admins}: without
 * this filter an anonymous caller could make themselves administrator of a failover tool. Users are created by
 * the lab, by {@code camunda.bpm.admin-user}, or by an administrator.
 */
@Configuration(proxyBeanMethods = false)
class InitialSetupBlocker {

	static final String CAMUNDA_ADMIN = "camunda-admin";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> initialSetupFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				AccessResponses.forbidden(request, response, "the initial user setup is disabled in pchat-failover");
			}
		});
		registration.setName("pchat-initial-setup-blocker");
		registration.addUrlPatterns("/camunda/api/admin/setup/*");
		return registration;
	}

}
