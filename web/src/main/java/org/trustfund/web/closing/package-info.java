/** The year-end closing page: each fund's years and the closing and reopening steps each role may take. */
package org.trustfund.web.closing;
