/** The givers' list of a fund and year: page, export and REST. */
package org.trustfund.web.recognition;
