package org.pchatfailover.lab.lync.cmdlets;

import java.time.Duration;

/**
 * The lab faults that act on the cmdlets which change something (Set-CsPersistentChatState, Install-CsMirrorDatabase,
 * Set-CsPersistentChatActiveServer), once their arguments are checked and never under -WhatIf: the Get- cmdlets answer
 * as before, and a cmdlet that fails or is stopped changes no pool.
 *
 * @param fail {@code cmdlet-failure}: they fail as when the Central Management store cannot be reached
 * @param delay {@code slow-cmdlet}: each first takes this long; zero while the fault is off
 */
record ChangeFaults(boolean fail, Duration delay) {
}
