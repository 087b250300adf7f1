/**
 * What every business component stands on: the schema migration at start-up, business exceptions that
 * carry a message key for the user, and JPA conversions.
 */
package org.trustfund.platform;
