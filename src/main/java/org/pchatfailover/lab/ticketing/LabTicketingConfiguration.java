package org.pchatfailover.lab.ticketing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.pchatfailover.lab.LabProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Starts the drill's ticketing system in the {@code lab} profile on {@code pchat.lab.bind-address:ticketing-port}; its
 * callback URL names {@code pchat.lab.host}, which the lab's {@code allowed-callback-hosts} admit.
 */
@Configuration(proxyBeanMethods = false)
@Profile("lab")
@ConditionalOnProperty(prefix = "pchat.lab", name = "servers", havingValue = "true", matchIfMissing = true)
class LabTicketingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LabTicketingConfiguration.class);

	@Bean(destroyMethod = "close")
	LabTicketingSystem labTicketingSystem(LabProperties properties) throws UnknownHostException {
		LabTicketingSystem ticketing = new LabTicketingSystem(InetAddress.getByName(properties.bindAddress()),
				properties.host(), properties.ticketingPort(), Clock.systemUTC());
		ticketing.start();
		log.info("lab ticketing system listening: callbackUrl {}", ticketing.callbackUrl());
		return ticketing;
	}

}
