/**
 * Recognition of the fund's supporters: who gave in a year, directly or through an intermediary foundation, counted
 * once each and named only when they may be.
 */
package org.trustfund.recognition;
