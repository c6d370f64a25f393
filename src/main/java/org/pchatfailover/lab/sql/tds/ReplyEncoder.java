package org.pchatfailover.lab.sql.tds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pchatfailover.lab.sql.engine.Outcome;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;

/**
 * Turns the outcomes of a batch or a procedure call into the reply token stream: each statement ends with a
 * DONE (DONEINPROC inside a procedure), the last one without the "more" bit; a procedure call ends with its
 * RETURNSTATUS and DONEPROC.
 */
final class ReplyEncoder {

	private static final int CMD_SELECT = 0xC1;

	private final TokenWriter out;

	private final boolean rpc;

	ReplyEncoder(String serverName, TdsVersion version, boolean rpc) {
		this.out = new TokenWriter(serverName, version);
		this.rpc = rpc;
	}

	byte[] encode(List<Outcome> all) {
		// OUTPUT parameters exist only for procedure calls; a batch that EXECs one does not return them
		List<Outcome> outcomes = rpc ? all : all.stream().filter(o -> !(o instanceof Outcome.ReturnValue)).toList();
		List<Outcome.ReturnValue> returnValues = new ArrayList<>();
		boolean failed = false;
		for (int i = 0; i < outcomes.size(); i++) {
			Outcome outcome = outcomes.get(i);
			if (outcome instanceof Outcome.ReturnValue value) {
				returnValues.add(value); // after RETURNSTATUS, as SQL Server orders them
				continue;
			}
			failed |= outcome instanceof Outcome.Error;
			statement(outcome, !rpc && i == outcomes.size() - 1);
		}
		if (rpc) {
			out.returnStatus(failed ? 1 : 0);
			// in the order of the call's parameters ([MS-TDS] 2.2.7.19: "There is no reordering within the groups")
			returnValues.sort(Comparator.comparingInt(Outcome.ReturnValue::ordinal));
			returnValues.forEach(v -> out.returnValue(v.ordinal(), v.name(), v.type(), v.value()));
			out.done(TokenWriter.TOKEN_DONEPROC, failed ? TokenWriter.DONE_ERROR : 0, 0, 0);
		}
		else if (outcomes.isEmpty()) {
			out.done(TokenWriter.TOKEN_DONE, 0, 0, 0);
		}
		return out.toByteArray();
	}

	/** One statement's tokens, ending in DONE (DONEINPROC in a procedure); the last DONE has no "more" bit. */
	private void statement(Outcome outcome, boolean last) {
		int done = rpc ? TokenWriter.TOKEN_DONEINPROC : TokenWriter.TOKEN_DONE;
		int more = last ? 0 : TokenWriter.DONE_MORE;
		if (outcome instanceof Outcome.Rows rows) {
			out.columns(rows.columns());
			rows.rows().forEach(row -> out.row(rows.columns(), row));
			out.done(done, more | (rows.counted() ? TokenWriter.DONE_COUNT : 0), CMD_SELECT, rows.rows().size());
		}
		else if (outcome instanceof Outcome.Done count) {
			out.done(done, more | (count.count() >= 0 ? TokenWriter.DONE_COUNT : 0), 0, Math.max(count.count(), 0));
		}
		else if (outcome instanceof Outcome.Info info) {
			out.message(info.message(), "");
			if (last) {
				out.done(done, 0, 0, 0);
			}
		}
		else if (outcome instanceof Outcome.Error error) {
			error.messages().forEach(m -> out.message(m, ""));
			out.done(done, more | TokenWriter.DONE_ERROR, 0, 0);
		}
		else if (outcome instanceof Outcome.TransactionChanged changed) {
			TransactionRequests.envChange(out, changed);
			if (last) {
				out.done(done, 0, 0, 0);
			}
		}
		else if (outcome instanceof Outcome.DatabaseChanged changed) {
			out.envChange(TokenWriter.ENV_DATABASE, changed.to(), changed.from());
			out.message(LabSqlEngine.changedDatabase(changed.to()), "");
			out.done(done, more, 0, 0);
		}
	}

}
