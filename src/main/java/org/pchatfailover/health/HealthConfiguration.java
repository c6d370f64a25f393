package org.pchatfailover.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The pools' health settings ({@code pchat.health.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PoolHealthProperties.class)
class HealthConfiguration {

}
