package org.trustfund.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** For pages outside this package that change what the session must remember of its account. */
public final class SessionAccounts {

    private SessionAccounts() {
    }

    /** The user changed their own password: their own session carries on under the account's new stamp. */
    public static void restamp(HttpServletRequest request, long newStamp) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionKeys.ACCOUNT) instanceof SessionAccount account) {
            session.setAttribute(SessionKeys.ACCOUNT, account.withStamp(newStamp));
        }
    }
}
