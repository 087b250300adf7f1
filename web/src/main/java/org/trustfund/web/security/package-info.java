/**
 * Sign-in and sign-out with Jakarta Security: a form on {@code /login.xhtml} for the pages, HTTP Basic for
 * the REST API, one identity store backed by the user accounts in the database, and a filter that holds
 * page users to a required password change.
 */
package org.trustfund.web.security;
