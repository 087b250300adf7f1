/** Intermediary foundations and their transfers: pages, the gift import and REST. */
package org.trustfund.web.intermediary;
