/**
 * Sign-in and sign-out with Jakarta Security: a form on {@code /login.xhtml}, an identity store backed by
 * the user accounts in the database, and a filter that holds users to a required password change.
 */
package org.trustfund.web.security;
