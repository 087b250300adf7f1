/**
 * Year-end closing: the page with each fund's years and the closing and reopening steps each role may take, and
 * the same steps in the API under {@code /api/funds/{id}/years}.
 */
package org.trustfund.web.closing;
