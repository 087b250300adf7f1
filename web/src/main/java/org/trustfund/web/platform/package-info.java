/** Page-wide plumbing: messages from the resource bundle, friendly error pages with a log reference. */
package org.trustfund.web.platform;
