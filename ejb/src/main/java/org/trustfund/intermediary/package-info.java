/**
 * Intermediary foundations (the TIDES Foundation in the source documents) that collect gifts from many givers and
 * pass them on net of their fees. The fund's income is the net it received; the fees are disclosed beside it; the
 * original givers get soft credit for what they gave and are never counted a second time in any total.
 */
package org.trustfund.intermediary;
