package org.pchatfailover.ticketing;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.pchatfailover.security.CurrentUser;
import org.pchatfailover.security.FailoverGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticketing contract of DESIGN.md: start a failover for a ticket, idempotently, and follow it. Starting is
 * for {@code pchat-ticketing} and {@code pchat-admins}; reading also for {@code pchat-operators}.
 */
@RestController
@RequestMapping("/api/failovers")
class FailoverController {

	private final FailoverStarter starter;

	private final FailoverViews views;

	private final CurrentUser currentUser;

	private final TicketingCallbackProperties callbacks;

	FailoverController(FailoverStarter starter, FailoverViews views, CurrentUser currentUser,
			TicketingCallbackProperties callbacks) {
		this.starter = starter;
		this.views = views;
		this.currentUser = currentUser;
		this.callbacks = callbacks;
	}

	/** 201 with Location for a new failover, 200 with the same failover when the ticket started one before. */
	@PostMapping
	ResponseEntity<FailoverView> start(@Valid @RequestBody FailoverRequest request) {
		String user = currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.ADMINS);
		if (request.callbackUrl() != null && !request.callbackUrl().isBlank()
				&& !callbacks.allowsCallbackTo(URI.create(request.callbackUrl()))) {
			throw new InvalidFieldException("callbackUrl", "callbackUrl names host '"
					+ URI.create(request.callbackUrl()).getHost()
					+ "', which is not the host of pchat.ticketing.callback-url nor in pchat.ticketing.allowed-callback-hosts");
		}
		FailoverStarter.Started started = starter.start(request, user);
		FailoverView view = views.find(started.processInstanceId())
			.orElseThrow(() -> new IllegalStateException("failover " + started.processInstanceId() + " not readable"));
		URI location = URI.create("/api/failovers/" + started.processInstanceId());
		return started.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@GetMapping("/{id}")
	FailoverView get(@PathVariable String id) {
		requireReader();
		return views.find(id).orElseThrow(() -> new NotFoundException("no failover with id " + id));
	}

	/** The failover a ticket started, as a list (empty when the ticket started none). */
	@GetMapping
	List<FailoverView> findByTicket(@RequestParam String ticketId) {
		requireReader();
		if (!ticketId.matches(FailoverRequest.TICKET_ID)) {
			throw new InvalidFieldException("ticketId", "ticketId '" + ticketId + "' is not a ticket id");
		}
		return views.findByTicket(ticketId).map(List::of).orElse(List.of());
	}

	private void requireReader() {
		currentUser.requireAnyGroup(FailoverGroups.TICKETING, FailoverGroups.OPERATORS, FailoverGroups.ADMINS);
	}

	/** HTTP 404 for an id that names no failover (or one the caller may not read). */
	static class NotFoundException extends RuntimeException {

		NotFoundException(String message) {
			super(message);
		}

	}

}
