/**
 * Four-eyes approval of corrections: one person requests the reversal of a certified contribution, the
 * write-off of a pledge, or the recognition of an unapplied receipt as a separate gift, with a reason; the
 * action takes effect only when a certifying officer who did not request it approves. Until then nothing is
 * posted and the request is visible. The component that owns the subject performs the approved action.
 */
package org.trustfund.approval;
