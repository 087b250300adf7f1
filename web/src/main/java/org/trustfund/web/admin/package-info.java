/** Administration pages: user accounts and their roles. */
package org.trustfund.web.admin;
