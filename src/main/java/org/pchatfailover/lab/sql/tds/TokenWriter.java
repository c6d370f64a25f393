package org.pchatfailover.lab.sql.tds;

import org.pchatfailover.lab.sql.engine.Column;
import org.pchatfailover.lab.sql.engine.SqlMessage;

import java.util.List;

/**
 * The server's token stream ([MS-TDS] 2.2.7): login acknowledgement, environment changes, result sets, messages
 * and DONE tokens. One writer builds one reply message.
 */
final class TokenWriter {

	static final int DONE_FINAL = 0x00;

	static final int DONE_MORE = 0x01;

	static final int DONE_ERROR = 0x02;

	static final int DONE_COUNT = 0x10;

	static final int DONE_ATTN = 0x20;

	private static final int TOKEN_RETURNSTATUS = 0x79;

	private static final int TOKEN_COLMETADATA = 0x81;

	private static final int TOKEN_RETURNVALUE = 0xAC;

	private static final int TOKEN_ERROR = 0xAA;

	private static final int TOKEN_INFO = 0xAB;

	private static final int TOKEN_LOGINACK = 0xAD;

	private static final int TOKEN_ROW = 0xD1;

	private static final int TOKEN_ENVCHANGE = 0xE3;

	static final int TOKEN_DONE = 0xFD;

	static final int TOKEN_DONEPROC = 0xFE;

	static final int TOKEN_DONEINPROC = 0xFF;

	static final int ENV_DATABASE = 1;

	static final int ENV_LANGUAGE = 2;

	static final int ENV_PACKET_SIZE = 4;

	private static final int ENV_COLLATION = 7;

	private static final long TDS_7_4 = 0x74000004L;

	private final TdsBuffer out = new TdsBuffer();

	private final String serverName;

	TokenWriter(String serverName) {
		this.serverName = serverName;
	}

	TokenWriter envChange(int type, String newValue, String oldValue) {
		TdsBuffer value = new TdsBuffer().u8(type).bVarchar(newValue).bVarchar(oldValue);
		out.u8(TOKEN_ENVCHANGE).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	TokenWriter collationChange() {
		TdsBuffer value = new TdsBuffer().u8(ENV_COLLATION).u8(TdsValues.COLLATION.length)
			.bytes(TdsValues.COLLATION).u8(0);
		out.u8(TOKEN_ENVCHANGE).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	TokenWriter loginAck(String programName, byte[] version) {
		TdsBuffer value = new TdsBuffer().u8(1).u32BigEndian(TDS_7_4).bVarchar(programName)
			.bytes(new byte[] { version[0], version[1], version[2], version[3] });
		out.u8(TOKEN_LOGINACK).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	TokenWriter message(SqlMessage message, String procName) {
		TdsBuffer value = new TdsBuffer().u32(message.number()).u8(message.state()).u8(message.severity())
			.usVarchar(message.text()).bVarchar(serverName).bVarchar(procName).u32(1);
		out.u8(message.isError() ? TOKEN_ERROR : TOKEN_INFO).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	TokenWriter columns(List<Column> columns) {
		out.u8(TOKEN_COLMETADATA).u16(columns.size());
		for (Column column : columns) {
			out.u32(0).u16(0x0001);
			TdsValues.typeInfo(out, column.type());
			out.bVarchar(column.name());
		}
		return this;
	}

	TokenWriter row(List<Column> columns, List<Object> values) {
		out.u8(TOKEN_ROW);
		for (int i = 0; i < columns.size(); i++) {
			TdsValues.value(out, columns.get(i).type(), values.get(i));
		}
		return this;
	}

	TokenWriter done(int token, int status, int command, long count) {
		out.u8(token).u16(status).u16(command).u64(count);
		return this;
	}

	/** RETURNVALUE of an OUTPUT parameter ([MS-TDS] 2.2.7.19). */
	TokenWriter returnValue(int ordinal, String name, org.pchatfailover.lab.sql.engine.SqlType type, Object value) {
		out.u8(TOKEN_RETURNVALUE).u16(ordinal).bVarchar(name).u8(0x01).u32(0).u16(0x0001);
		TdsValues.typeInfo(out, type);
		TdsValues.value(out, type, value);
		return this;
	}

	TokenWriter returnStatus(int status) {
		out.u8(TOKEN_RETURNSTATUS).u32(status);
		return this;
	}

	byte[] toByteArray() {
		return out.toByteArray();
	}

}
