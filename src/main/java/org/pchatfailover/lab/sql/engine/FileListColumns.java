package org.pchatfailover.lab.sql.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The RESTORE FILELISTONLY result set in the column order and types of sql-docs
 * restore-statements-filelistonly-transact-sql: one row per file of the backed-up database, its data file (D) in
 * PRIMARY and its log file (L). The lab's backups carry no file list, so names, paths and sizes are the lab's: the
 * database's name and {@code D:\SQLData\} as sys.master_files shows them, 8 MB each, growing without limit.
 */
final class FileListColumns {

	static final List<Column> COLUMNS = List.of(nv("LogicalName", 128), nv("PhysicalName", 260), nv("Type", 1),
			nv("FileGroupName", 128), c("Size", SqlType.numeric(20, 0)), c("MaxSize", SqlType.numeric(20, 0)),
			c("FileID", SqlType.BIGINT), c("CreateLSN", SqlType.LSN), c("DropLSN", SqlType.LSN),
			c("UniqueID", SqlType.UNIQUEIDENTIFIER), c("ReadOnlyLSN", SqlType.LSN), c("ReadWriteLSN", SqlType.LSN),
			c("BackupSizeInBytes", SqlType.BIGINT), c("SourceBlockSize", SqlType.INT), c("FileGroupID", SqlType.INT),
			c("LogGroupGUID", SqlType.UNIQUEIDENTIFIER), c("DifferentialBaseLSN", SqlType.LSN),
			c("DifferentialBaseGUID", SqlType.UNIQUEIDENTIFIER), c("IsReadOnly", SqlType.BIT),
			c("IsPresent", SqlType.BIT), c("TDEThumbprint", SqlType.varbinary(32)), nv("SnapshotURL", 360));

	private static final BigInteger FILE_BYTES = BigInteger.valueOf(8L << 20);

	/** "Maximum allowed size in bytes": the lab's files grow without limit, as far as numeric(20,0) goes. */
	private static final BigInteger UNLIMITED = new BigInteger("35184372080640");

	private FileListColumns() {
	}

	static List<List<Object>> rows(BackupFile backup) {
		String database = backup.databaseName();
		String path = "D:\\SQLData\\" + database;
		return List.of(row(database, path + ".mdf", "D", "PRIMARY", 1, 1, backup),
				row(database + "_log", path + "_log.ldf", "L", null, 2, 0, backup));
	}

	/** A log backup holds log records only: its data file is listed, but not present in it. */
	private static List<Object> row(String logicalName, String physicalName, String type, String fileGroup, long fileId,
			int fileGroupId, BackupFile backup) {
		boolean present = type.equals("L") || backup.backupType() != 2;
		UUID uniqueId = UUID.nameUUIDFromBytes((backup.databaseName() + "/" + fileId).getBytes(StandardCharsets.UTF_8));
		return new ArrayList<>(Arrays.asList(logicalName, physicalName, type, fileGroup, FILE_BYTES, UNLIMITED, fileId,
				BigInteger.ZERO, null, uniqueId, null, null, present ? FILE_BYTES.longValue() : 0L, 512, fileGroupId,
				null, null, null, false, present, null, null));
	}

	private static Column c(String name, SqlType type) {
		return new Column(name, type);
	}

	private static Column nv(String name, int length) {
		return new Column(name, SqlType.nvarchar(length));
	}

}
