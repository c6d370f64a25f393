package org.pchatfailover.failback;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.failover.FailoverRegistration;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * The failback's start: a pool without a configured primary instance and data centre is refused at once; then it
 * registers as a failover does, in the same table under the same pool lock, so one ticket starts one process and a
 * pool never runs a failover and a failback at the same time.
 */
@Component("registerFailback")
class FailbackRegistration implements ExecutionListener {

	private final Topology topology;

	private final FailoverRegistration registration;

	FailbackRegistration(FailoverRegistry registry, Topology topology) {
		this.topology = topology;
		this.registration = new FailoverRegistration(registry, topology);
	}

	@Override
	public void notify(DelegateExecution execution) {
		Object poolFqdn = execution.getVariable(FailoverVariables.POOL_FQDN);
		topology.findPool(poolFqdn instanceof String text ? text : null)
			.filter(pool -> !pool.canFailBack())
			.map(Pool::fqdn)
			.ifPresent(fqdn -> {
				throw new BadUserRequestException("pool " + fqdn + " has no primary-sql (with jdbc-url) and"
						+ " primary-data-center in pchat.pools[]: a failback needs the rebuilt primary instance");
			});
		registration.notify(execution);
	}

}
