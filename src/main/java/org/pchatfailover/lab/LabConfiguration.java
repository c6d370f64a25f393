package org.pchatfailover.lab;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The lab exists only in the {@code lab} profile; production profiles never start a simulated server. */
@Configuration(proxyBeanMethods = false)
@Profile("lab")
@EnableConfigurationProperties(LabProperties.class)
class LabConfiguration {

}
