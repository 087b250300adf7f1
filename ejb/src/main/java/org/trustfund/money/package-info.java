/**
 * Money as a value object: an exact decimal amount in one ISO 4217 currency. Every amount in Trustfund
 * is a {@link org.trustfund.money.Money}; rounding is always asked for by name, never implied.
 */
package org.trustfund.money;
