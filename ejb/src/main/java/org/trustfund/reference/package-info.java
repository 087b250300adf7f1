/**
 * Reference data kept by administrators: funds, countries with their development status, the currencies
 * the funds accept, and the UN operational rates of exchange that convert them to US dollars.
 */
package org.trustfund.reference;
