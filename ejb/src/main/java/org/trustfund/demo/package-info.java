/** Fictional demonstration data, loaded only when the launcher runs the system in demo mode. */
package org.trustfund.demo;
