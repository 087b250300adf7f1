/**
 * Monetary contributions: cash received in any currency, converted at the UN operational rate of the
 * received date, applied to pledge instalments, certified by a second person, and corrected only by
 * reversal.
 */
package org.trustfund.contribution;
