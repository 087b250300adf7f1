/**
 * What every business component stands on: the schema migration at start-up, business exceptions that
 * carry a message key for the user (with a type of their own for the outcomes the API answers with a status of
 * their own: access denied, unknown record, concurrent change), and JPA conversions.
 */
package org.trustfund.platform;
