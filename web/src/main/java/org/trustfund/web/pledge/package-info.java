/** Pledge pages: a new pledge with its instalments, and a pledge's page with its lifecycle actions. */
package org.trustfund.web.pledge;
