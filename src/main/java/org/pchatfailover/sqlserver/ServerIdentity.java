package org.pchatfailover.sqlserver;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A row of the Persistent Chat table dbo.tblServerIdentity, which "contains the active chat servers in the
 * Persistent Chat Server pool" (Lync Server 2013 database schema).
 *
 * @param serverId serverID, "Corresponds to the instance ID from Central Management store."
 * @param serverAddress serverAddress, "Server address using the Windows Communication Foundation address."
 * @param lastPing serverLastPingTime as an instant, converted with the server's current UTC offset (as
 * BackupFinishDate is); null when the column is NULL
 * @param lastPingLocal serverLastPingTime as the server wrote it, its local wall-clock time
 */
public record ServerIdentity(int serverId, String serverAddress, Instant lastPing, LocalDateTime lastPingLocal) {
}
