/** In-kind contributions: list, record and correct, one entry with its certification, REST. */
package org.trustfund.web.inkind;
