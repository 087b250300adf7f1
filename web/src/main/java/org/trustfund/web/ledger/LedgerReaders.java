package org.trustfund.web.ledger;

import org.trustfund.security.Roles;
import org.trustfund.web.platform.Pages;

/** Who reads the ledger's pages: the roles the ledger's read services serve. */
final class LedgerReaders {

    static final String[] ROLES = {Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR};

    private LedgerReaders() {
    }

    /** @return whether the page may go on (else the friendly 403 is sent) */
    static boolean admit() {
        return Pages.requireAnyRole(ROLES);
    }

    /** The file name of an export: what it is, the fund and the dates, no characters a file system refuses. */
    static String fileName(String what, String fundCode, Object from, Object to) {
        String name = what + (fundCode == null ? "" : "-" + fundCode) + (from == null ? "" : "-" + from)
                + (to == null ? "" : "-" + to);
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx";
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
