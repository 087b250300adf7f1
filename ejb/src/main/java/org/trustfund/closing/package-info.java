/**
 * Year-end closing per fund: a finance officer proposes, a certifying officer confirms (posting the year-end
 * unrealized exchange difference first); from then on {@link org.trustfund.closing.ClosedYears} keeps every
 * posting out of the closed year. Reopening is requested with a reason and confirmed by a second person.
 */
package org.trustfund.closing;
