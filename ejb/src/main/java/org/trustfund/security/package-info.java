/**
 * Users, roles, passwords and sign-in. Passwords are PBKDF2-HMAC-SHA256 hashes at 600,000 iterations;
 * repeated failures lock an account for a while; every attempt is audited.
 */
package org.trustfund.security;
