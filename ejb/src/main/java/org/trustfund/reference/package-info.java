/**
 * Reference data kept by administrators: funds, countries with their development status, the currencies
 * the funds accept, and the UN operational rates of exchange that convert them to US dollars; and the six UN
 * languages the fund writes in, which are fixed.
 */
package org.trustfund.reference;
