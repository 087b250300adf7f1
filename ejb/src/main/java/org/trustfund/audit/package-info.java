/**
 * The audit log: who did what to which record and when. Append-only in the code (no update or delete
 * path exists) and in the database (triggers refuse UPDATE and DELETE).
 */
package org.trustfund.audit;
