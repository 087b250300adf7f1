/** Travel and fellowship disbursements: their pages and REST resources. */
package org.trustfund.web.travel;
