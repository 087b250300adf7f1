/** What the pages of cash, in-kind and intermediary receipts share: a record's actions by role and status. */
package org.trustfund.web.receipt;
