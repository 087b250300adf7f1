/** Administration of user accounts and their roles: the pages and the API's {@code /api/users}. */
package org.trustfund.web.admin;
