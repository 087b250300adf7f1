/** The JSON REST API, under {@code /api}. */
package org.trustfund.web.api;
