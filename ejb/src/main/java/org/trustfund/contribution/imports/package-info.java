/**
 * Bulk import of contributions from an xlsx file: read as a stream, every row validated before anything is
 * saved, recorded all at once (awaiting certification) or not at all, and idempotent on re-import.
 */
package org.trustfund.contribution.imports;
