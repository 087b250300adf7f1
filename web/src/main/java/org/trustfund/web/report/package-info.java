/**
 * The annual report page: a fund's report for a year generated in the background with a progress bar, offered for
 * download once complete; the jobs that generate reports, one per fund and year at a time, few at once; and the
 * report as a download from the API.
 */
package org.trustfund.web.report;
