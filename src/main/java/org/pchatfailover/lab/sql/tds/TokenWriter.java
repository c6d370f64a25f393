package org.pchatfailover.lab.sql.tds;

import java.util.List;

import org.pchatfailover.lab.sql.engine.Column;
import org.pchatfailover.lab.sql.engine.SqlType;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/**
 * The server's token stream ([MS-TDS] 2.2.7): login acknowledgement, environment changes, result sets, messages
 * and DONE tokens, in the layout of the connection's TDS version. One writer builds one reply message.
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

	private static final int ENV_CHARSET = 3;

	private static final int ENV_UNICODE_LCID = 5;

	private static final int ENV_COLLATION = 7;

	private final TdsBuffer out = new TdsBuffer();

	private final String serverName;

	private final TdsVersion version;

	TokenWriter(String serverName, TdsVersion version) {
		this.serverName = serverName;
		this.version = version;
	}

	TokenWriter envChange(int type, String newValue, String oldValue) {
		TdsBuffer value = new TdsBuffer().u8(type).bVarchar(newValue).bVarchar(oldValue);
		out.u8(TOKEN_ENVCHANGE).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	/** An ENVCHANGE whose values are B_VARBYTE (the transaction types 8, 9 and 10); empty arrays for 0x00. */
	TokenWriter envChange(int type, byte[] newValue, byte[] oldValue) {
		TdsBuffer value = new TdsBuffer().u8(type).u8(newValue.length).bytes(newValue).u8(oldValue.length)
			.bytes(oldValue);
		out.u8(TOKEN_ENVCHANGE).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	boolean hasTransactionDescriptors() {
		return version.isSql2005OrLater();
	}

	/**
	 * The server collation (SQL_Latin1_General_CP1_CI_AS). TDS 7.0 knows no collations: its clients get the code
	 * page as SQL Server 7.0's character set name and the Unicode locale instead, as SQL Server sends them.
	 */
	TokenWriter serverCollation() {
		if (!version.hasCollations()) {
			return envChange(ENV_CHARSET, "iso_1", "").envChange(ENV_UNICODE_LCID,
					Integer.toString(TdsValues.LCID_US_ENGLISH), "");
		}
		TdsBuffer value = new TdsBuffer().u8(ENV_COLLATION).u8(TdsValues.COLLATION.length)
			.bytes(TdsValues.COLLATION).u8(0);
		out.u8(TOKEN_ENVCHANGE).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	/** Accepts the login in the negotiated TDS version; {@code serverVersion} is major, minor, build. */
	TokenWriter loginAck(String programName, byte[] serverVersion) {
		TdsBuffer value = new TdsBuffer().u8(1).u32BigEndian(version.wire()).bVarchar(programName)
			.bytes(new byte[] { serverVersion[0], serverVersion[1], serverVersion[2], serverVersion[3] });
		out.u8(TOKEN_LOGINACK).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	TokenWriter message(SqlMessage message, String procName) {
		TdsBuffer value = new TdsBuffer().u32(message.number()).u8(message.state()).u8(message.severity())
			.usVarchar(message.text()).bVarchar(serverName).bVarchar(procName);
		lineNumber(value, 1);
		out.u8(message.isError() ? TOKEN_ERROR : TOKEN_INFO).u16(value.size()).bytes(value.toByteArray());
		return this;
	}

	TokenWriter columns(List<Column> columns) {
		out.u8(TOKEN_COLMETADATA).u16(columns.size());
		for (Column column : columns) {
			userType(out).u16(0x0001);
			TdsValues.typeInfo(out, column.type(), version);
			out.bVarchar(column.name());
		}
		return this;
	}

	TokenWriter row(List<Column> columns, List<Object> values) {
		out.u8(TOKEN_ROW);
		for (int i = 0; i < columns.size(); i++) {
			TdsValues.value(out, columns.get(i).type(), values.get(i), version);
		}
		return this;
	}

	TokenWriter done(int token, int status, int command, long count) {
		out.u8(token).u16(status).u16(command);
		if (version.isSql2005OrLater()) {
			out.u64(count);
		}
		else {
			out.u32(count);
		}
		return this;
	}

	/** RETURNVALUE of an OUTPUT parameter ([MS-TDS] 2.2.7.19). */
	TokenWriter returnValue(int ordinal, String name, SqlType type, Object value) {
		out.u8(TOKEN_RETURNVALUE).u16(ordinal).bVarchar(name).u8(0x01);
		userType(out).u16(0x0001);
		TdsValues.typeInfo(out, type, version);
		TdsValues.value(out, type, value, version);
		return this;
	}

	TokenWriter returnStatus(int status) {
		out.u8(TOKEN_RETURNSTATUS).u32(status);
		return this;
	}

	/** UserType: 16 bits before TDS 7.2, 32 bits since. */
	private TdsBuffer userType(TdsBuffer to) {
		return version.isSql2005OrLater() ? to.u32(0) : to.u16(0);
	}

	/** LineNumber: 16 bits before TDS 7.2, 32 bits since. */
	private void lineNumber(TdsBuffer to, int line) {
		if (version.isSql2005OrLater()) {
			to.u32(line);
		}
		else {
			to.u16(line);
		}
	}

	byte[] toByteArray() {
		return out.toByteArray();
	}

}
