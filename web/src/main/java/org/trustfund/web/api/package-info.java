/**
 * What every REST resource under {@code /api} shares: the application root, the error answer and the exception
 * mappers that choose its status, money and dates in JSON, the caller's locale and view, the reading of request
 * text, and the OpenAPI schemas of the JSON records. The resources themselves live beside the pages of their
 * component (e.g. {@code web.contribution.ContributionResource}).
 */
package org.trustfund.web.api;
