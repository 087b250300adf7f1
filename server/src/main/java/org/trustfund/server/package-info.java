/**
 * Starts Trustfund on one machine: an embedded MariaDB (or an external MySQL-compatible database), a
 * Payara Server domain with the data source, and the EAR. {@link org.trustfund.server.TrustfundServer}
 * is the command line; {@link org.trustfund.server.TrustfundSystem} is what it and the system tests use.
 */
package org.trustfund.server;
