/** Donor pages: the list, a donor's statement, and the form to record or change a donor. */
package org.trustfund.web.donor;
