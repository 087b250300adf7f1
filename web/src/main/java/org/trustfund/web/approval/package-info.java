/** Four-eyes approvals in the web layer: one place that sends an approval to the service owning its subject. */
package org.trustfund.web.approval;
