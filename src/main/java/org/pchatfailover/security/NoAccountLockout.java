package org.pchatfailover.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine's own reaction to wrong passwords, which is per user: a growing delay (3 s doubling up to
 * 60 s) and, after {@code loginMaxAttempts} (10), a lock only an administrator lifts (Camunda 7 identity service,
 * "Throttle login attempts"). Anyone who knows the user name {@code ticketing} could then stop every failover
 * start during an outage. {@link LoginThrottleFilter} slows down the guessing address instead. Set in code, not in
 * {@code camunda.bpm.generic-properties}, so that no configuration can bring the lockout back by accident.
 */
@Component
class NoAccountLockout extends AbstractProcessEnginePlugin {

	// after init: wins over camunda.bpm.generic-properties, which the starter applies before
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		// the engine locks a user when its failed attempts reach this number: never
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		// delay = base * factor^(attempts-1) seconds: 0, so the lock expiry is "now" and never after it
		configuration.setLoginDelayBase(0);
		configuration.setLoginDelayMaxTime(0);
	}

}
