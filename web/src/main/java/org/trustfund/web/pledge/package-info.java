/**
 * Pledge pages: a new pledge with its instalments, and a pledge's page with its lifecycle actions; and the API's
 * {@code /api/pledges}.
 */
package org.trustfund.web.pledge;
