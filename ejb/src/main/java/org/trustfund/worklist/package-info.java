/**
 * What waits for the signed-in user, per role: entries sent back to their recorder, entries awaiting a second
 * person's certification (certified one by one, also in bulk), the ledger check's last result.
 */
package org.trustfund.worklist;
