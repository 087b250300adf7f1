/** Other expenditure and programme support costs: their pages and REST resources. */
package org.trustfund.web.expenditure;
