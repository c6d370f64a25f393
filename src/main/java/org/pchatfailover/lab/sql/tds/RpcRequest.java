package org.pchatfailover.lab.sql.tds;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.engine.Param;

/**
 * An RPC request ([MS-TDS] 2.2.6.6): ALL_HEADERS, the procedure by name or by well-known id, option flags, then
 * the parameters with their TYPE_INFO and values. mssql-jdbc sends a PreparedStatement as {@code sp_executesql}
 * (id 10) with the statement, the parameter declarations and the values; jTDS as {@code sp_prepare} (id 11) once
 * and {@code sp_execute} (id 12) with the handle. ALL_HEADERS exists from TDS 7.2 on.
 *
 * @param procedure procedure name ({@code sp_executesql} for id 10)
 * @param params parameters in the order sent
 */
record RpcRequest(String procedure, List<Param> params) {

	/** StatusFlags fByRefValue: "the parameter is passed by reference (OUTPUT parameter)" ([MS-TDS] 2.2.6.6). */
	private static final int BY_REF_VALUE = 0x01;

	private static final String[] PROC_IDS = { null, "sp_cursor", "sp_cursoropen", "sp_cursorprepare",
			"sp_cursorexecute", "sp_cursorprepexec", "sp_cursorunprepare", "sp_cursorfetch", "sp_cursoroption",
			"sp_cursorclose", "sp_executesql", "sp_prepare", "sp_execute", "sp_prepexec", "sp_prepexecrpc",
			"sp_unprepare" };

	static RpcRequest parse(byte[] payload, TdsVersion version) {
		TdsReader reader = new TdsReader(payload);
		skipAllHeaders(reader, version);
		String procedure = procedure(reader);
		reader.u16(); // option flags: WITH RECOMPILE, no metadata; the lab always sends metadata
		List<Param> params = new ArrayList<>();
		RpcValueReader values = new RpcValueReader(reader, version);
		while (reader.hasRemaining()) {
			int next = reader.u8();
			if (next == 0x80 || next == 0xFF) {
				break; // a batched second RPC: the lab's clients do not send them for these statements
			}
			reader.position(reader.position() - 1);
			String name = reader.bVarchar();
			int status = reader.u8();
			params.add(new Param(name, values.read(params.size() + 1, name), (status & BY_REF_VALUE) != 0));
		}
		return new RpcRequest(procedure, params);
	}

	/** From TDS 7.2 on, SQL batches and RPCs start with ALL_HEADERS (transaction descriptor, trace activity). */
	static void skipAllHeaders(TdsReader reader, TdsVersion version) {
		if (!version.isSql2005OrLater()) {
			return;
		}
		int start = reader.position();
		long total = reader.u32();
		if (total < 4) {
			throw new TdsProtocolException("ALL_HEADERS length " + total + " is too short");
		}
		reader.position(start);
		reader.skip((int) total);
	}

	private static String procedure(TdsReader reader) {
		int length = reader.u16();
		if (length != 0xFFFF) {
			return reader.ucs2(length);
		}
		int id = reader.u16();
		if (id <= 0 || id >= PROC_IDS.length) {
			throw new TdsProtocolException("unknown RPC procedure id " + id);
		}
		return PROC_IDS[id];
	}

}
