/**
 * The ledger pages (the check, the trial balance, the journals) and the API's {@code /api/journals} and
 * {@code /api/funds/{id}/trial-balance}.
 */
package org.trustfund.web.ledger;
