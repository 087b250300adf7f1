/**
 * The contribution pages: the list (and the certifier's queue), recording or correcting a contribution with
 * its application to pledge instalments and its US dollar preview, and one contribution with the
 * maker–checker actions; and the same in the API under {@code /api/contributions}.
 */
package org.trustfund.web.contribution;
