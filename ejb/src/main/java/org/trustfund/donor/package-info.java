/** Donors: who gives to the funds, their stakeholder group and country, and whether they may be named. */
package org.trustfund.donor;
