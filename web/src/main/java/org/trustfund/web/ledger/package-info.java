/** The ledger check page for auditors and finance staff. */
package org.trustfund.web.ledger;
