package org.pchatfailover.bench;

import java.time.Duration;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the benchmark when the engine has committed something (a task created, an activity ended, an instance
 * ended, an incident), through Camunda's Spring eventing bridge (its history stream, on by default), instead of
 * querying the engine every few milliseconds: on two shared cores those queries took CPU from the steps being
 * timed, and only from the engine-driven path, not from the direct one it is compared with.
 */
class ProcessProgress {

	/** A missed wake-up costs at most this: the waiting side looks again anyway. */
	static final Duration LOOK_AGAIN = Duration.ofMillis(200);

	private long commits;

	@TransactionalEventListener(fallbackExecution = true)
	void committed(HistoryEvent event) {
		synchronized (this) {
			commits++;
			notifyAll();
		}
	}

	/** How many commits with history so far: pass it to {@link #awaitAfter} after looking. */
	synchronized long commits() {
		return commits;
	}

	/** Returns once a commit after {@code seen} has happened, or after {@link #LOOK_AGAIN}. */
	synchronized void awaitAfter(long seen) throws InterruptedException {
		if (commits == seen) {
			wait(LOOK_AGAIN.toMillis());
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		ProcessProgress processProgress() {
			return new ProcessProgress();
		}

	}

}
