/**
 * The signed-in user's own account: changing their password, their API tokens, and the API's {@code /api/me}
 * with its token operations.
 */
package org.trustfund.web.account;
