/** The signed-in user's own account: changing their password. */
package org.trustfund.web.account;
