/**
 * Pledges and their instalment schedules, from the donor's promise through the signed agreement to
 * payment or write-off. Only a signed agreement creates a receivable (IPSAS 23).
 */
package org.trustfund.pledge;
