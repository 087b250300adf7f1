/** The contribution import page: template download, upload, and the result or the list of problems. */
package org.trustfund.web.imports;
