/**
 * In-kind contributions: venues, travel, interpretation, connectivity, seconded staff and hosting given instead of
 * money, valued at fair value. Goods and premises are recognized (in-kind revenue and the matching expense, one
 * balanced journal at certification); services are disclosed, never posted.
 */
package org.trustfund.inkind;
