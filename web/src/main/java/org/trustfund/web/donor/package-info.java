/**
 * Donor pages: the list, a donor's statement, and the form to record or change a donor; and the API's
 * {@code /api/donors}.
 */
package org.trustfund.web.donor;
