package org.pchatfailover.lab.sql.tds;

import java.util.List;
import java.util.function.Supplier;

import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.Outcome;
import org.pchatfailover.lab.sql.engine.SqlSession;
import org.pchatfailover.lab.sql.engine.TransactionRequest;

/**
 * The TDS side of transactions: the Transaction Manager Request (packet type 0x0E, [MS-TDS] 2.2.6.9), the ENVCHANGE
 * tokens that report a transaction's begin, commit and rollback with its descriptor (types 8, 9, 10, 2.2.7.9), and
 * the descriptor every later request carries in ALL_HEADERS (2.2.5.3.2). All three exist from TDS 7.2 on: tedious
 * "These events are only fired for TDS version 7.2 and beyond", and FreeTDS and mssql-jdbc send the request from 7.2.
 */
final class TransactionRequests {

	private static final int TM_GET_DTC_ADDRESS = 0;

	private static final int TM_PROPAGATE_XACT = 1;

	private static final int TM_BEGIN_XACT = 5;

	private static final int TM_PROMOTE_XACT = 6;

	private static final int TM_COMMIT_XACT = 7;

	private static final int TM_ROLLBACK_XACT = 8;

	private static final int TM_SAVE_XACT = 9;

	private static final int HEADER_TRANSACTION_DESCRIPTOR = 2;

	private static final int ENV_BEGIN_TRANSACTION = 8;

	private static final int ENV_COMMIT_TRANSACTION = 9;

	private static final int ENV_ROLLBACK_TRANSACTION = 10;

	private TransactionRequests() {
	}

	/**
	 * Answers a transaction manager request. The lab simulates local transactions: begin, commit and rollback (each
	 * optionally beginning the next); DTC (get address, propagate, promote) and savepoints are refused as not
	 * simulated. "If an unknown Type is specified, the message receiver SHOULD disconnect the connection."
	 */
	static List<Outcome> answer(LabSqlEngine engine, SqlSession session, byte[] payload, TdsVersion version) {
		TdsReader reader = new TdsReader(payload);
		long descriptor = descriptor(reader, version);
		List<Outcome> refused = version.isSql2005OrLater() ? engine.transactionDescriptor(session, descriptor)
				: List.of();
		if (!refused.isEmpty()) {
			return refused;
		}
		int type = reader.u16();
		return switch (type) {
			case TM_BEGIN_XACT -> {
				int isolation = reader.u8();
				name(reader);
				yield engine.transactionManager(session,
						new TransactionRequest(TransactionRequest.Kind.BEGIN, false, isolation));
			}
			case TM_COMMIT_XACT, TM_ROLLBACK_XACT -> engine.transactionManager(session, endRequest(reader,
					type == TM_COMMIT_XACT ? TransactionRequest.Kind.COMMIT : TransactionRequest.Kind.ROLLBACK));
			case TM_GET_DTC_ADDRESS -> engine.unsupported(session, "TM_GET_DTC_ADDRESS");
			case TM_PROPAGATE_XACT -> engine.unsupported(session, "TM_PROPAGATE_XACT");
			case TM_PROMOTE_XACT -> engine.unsupported(session, "TM_PROMOTE_XACT");
			case TM_SAVE_XACT -> engine.unsupported(session, "TM_SAVE_XACT");
			default -> throw new TdsProtocolException("unknown transaction manager request type " + type);
		};
	}

	/**
	 * Runs a SQL batch or RPC only when it carries the session's transaction descriptor; otherwise its answer is the
	 * 3989 the engine gives. Before TDS 7.2 requests carry no descriptor and are not checked.
	 */
	static List<Outcome> checked(LabSqlEngine engine, SqlSession session, byte[] payload, TdsVersion version,
			Supplier<List<Outcome>> request) {
		if (!version.isSql2005OrLater()) {
			return request.get();
		}
		List<Outcome> refused = engine.transactionDescriptor(session, descriptor(new TdsReader(payload), version));
		return refused.isEmpty() ? request.get() : refused;
	}

	/** ENVCHANGE 8 (new descriptor, old 0x00), 9 or 10 (new 0x00, old descriptor); nothing before TDS 7.2. */
	static void envChange(TokenWriter out, Outcome.TransactionChanged changed) {
		if (!out.hasTransactionDescriptors()) {
			return;
		}
		byte[] descriptor = new TdsBuffer().u64(changed.descriptor()).toByteArray();
		switch (changed.kind()) {
			case BEGIN -> out.envChange(ENV_BEGIN_TRANSACTION, descriptor, new byte[0]);
			case COMMIT -> out.envChange(ENV_COMMIT_TRANSACTION, new byte[0], descriptor);
			case ROLLBACK -> out.envChange(ENV_ROLLBACK_TRANSACTION, new byte[0], descriptor);
		}
	}

	/** TM_COMMIT_XACT and TM_ROLLBACK_XACT: XACT_NAME, XACT_FLAGS, and with fBeginXact ISOLATION_LEVEL and a name. */
	private static TransactionRequest endRequest(TdsReader reader, TransactionRequest.Kind kind) {
		name(reader);
		boolean beginAfter = reader.hasRemaining() && (reader.u8() & 0x01) != 0;
		int isolation = 0;
		if (beginAfter && reader.hasRemaining()) {
			isolation = reader.u8();
			name(reader);
		}
		return new TransactionRequest(kind, beginAfter, isolation);
	}

	/** A B_VARBYTE transaction name: the lab keeps no names of TM transactions. */
	private static void name(TdsReader reader) {
		if (reader.hasRemaining()) {
			reader.skip(reader.u8());
		}
	}

	/**
	 * The TransactionDescriptor of ALL_HEADERS' transaction descriptor header (type 2), 0 when there is none (before
	 * TDS 7.2 there are no ALL_HEADERS). Leaves the reader after ALL_HEADERS.
	 */
	static long descriptor(TdsReader reader, TdsVersion version) {
		if (!version.isSql2005OrLater()) {
			return 0;
		}
		int start = reader.position();
		long total = reader.u32();
		if (total < 4) {
			throw new TdsProtocolException("ALL_HEADERS length " + total + " is too short");
		}
		long descriptor = 0;
		while (reader.position() < start + total) {
			int headerStart = reader.position();
			long length = reader.u32();
			int type = reader.u16();
			if (length < 6) {
				throw new TdsProtocolException("ALL_HEADERS header length " + length + " is too short");
			}
			if (type == HEADER_TRANSACTION_DESCRIPTOR) {
				descriptor = reader.i64();
			}
			reader.position(headerStart);
			reader.skip((int) length);
		}
		reader.position(start);
		reader.skip((int) total);
		return descriptor;
	}

}
