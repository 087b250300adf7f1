/**
 * The administrator's reference data pages: funds, countries, accepted currencies and UN operational rates
 * of exchange (entered, corrected while unused, or imported from a file); and the same reference data in the API.
 */
package org.trustfund.web.reference;
