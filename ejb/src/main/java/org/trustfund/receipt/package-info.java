/**
 * What every kind of receipt shares — cash contributions, in-kind contributions and transfers from intermediary
 * foundations: a donor of record, a fund, a date, the maker–checker certification and correction by reversal. Each
 * kind keeps its own table and rules (an in-kind gift has no bank reference and never touches cash); reports,
 * the donor's page and, later, acknowledgements read them through {@link org.trustfund.receipt.Receipt}.
 */
package org.trustfund.receipt;
