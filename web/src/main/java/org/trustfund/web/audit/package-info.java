/** The audit log page for auditors and administrators. */
package org.trustfund.web.audit;
