/**
 * Four-eyes approvals in the web layer: one place that sends an approval to the service owning its subject, the
 * approvals page, and the API's {@code /api/approvals}.
 */
package org.trustfund.web.approval;
