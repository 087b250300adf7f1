/** Acknowledgement letters on the web: the list (a donor's own, or every one for staff), one letter and its PDF. */
package org.trustfund.web.acknowledgement;
