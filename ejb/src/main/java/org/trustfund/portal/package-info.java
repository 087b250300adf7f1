/**
 * The donor's own account: what the fund holds about one donor's support, read for a donor user (kept to the donors
 * they are linked to) or for staff.
 */
package org.trustfund.portal;
