package org.pchatfailover.lab.sql.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Who fills the Persistent Chat table dbo.tblServerIdentity of a database on the lab instance: "the active chat
 * servers in the Persistent Chat Server pool", each row updated by its server "to give evidence that it is running".
 * The engine asks when a client reads the table, and only while the database is ONLINE (RESTORING answers 927).
 * {@link LogShippedServerIdentities} is what a log-shipped copy holds; live pings (the lab Lync shell's active
 * servers writing to a recovered mgc) are another implementation, passed to {@link LabSqlEngine}'s constructor.
 */
@FunctionalInterface
public interface PersistentChatServers {

	/**
	 * @param database the database read, as the instance names it
	 * @param at the instant of the read, in the server's Windows time zone
	 * @param restoredUpTo when the newest log backup restored into the database finished (BackupFinishDate), null when
	 * no log was restored: how far the copy knows the primary's writes
	 * @return the rows, serverLastPingTime as the server's local wall-clock time
	 */
	List<ServerIdentityRow> serverIdentities(String database, ZonedDateTime at, Instant restoredUpTo);

	/**
	 * A row of dbo.tblServerIdentity.
	 *
	 * @param serverId serverID int not null, the primary key ("the instance ID from Central Management store")
	 * @param serverAddress serverAddress nvarchar(256) not null ("the Windows Communication Foundation address")
	 * @param serverLastPingTime serverLastPingTime datetime, null allowed
	 */
	record ServerIdentityRow(int serverId, String serverAddress, LocalDateTime serverLastPingTime) {
	}

}
