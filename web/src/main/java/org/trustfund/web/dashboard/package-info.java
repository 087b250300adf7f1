/** The page each user lands on after sign-in, with what their roles let them do. */
package org.trustfund.web.dashboard;
