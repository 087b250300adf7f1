package org.trustfund.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.security.ApiToken;
import org.trustfund.security.ApiTokenService;
import org.trustfund.security.ApiTokenService.NewToken;
import org.trustfund.security.UserAccount;
import org.trustfund.security.UserAdministration;
import org.trustfund.web.account.TokenForm;
import org.trustfund.web.platform.Pages;

/** Backs the administrator's page of one account's API tokens, e.g. for a script's service account. */
@Named
@ViewScoped
public class UserTokensPage extends TokenForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApiTokenService tokens;

    @EJB
    private UserAdministration administration;

    private Long userId;
    private String username;

    public void setUserParameter(String value) {
        this.userId = Pages.recordId(value);
    }

    public String getUserParameter() {
        return userId == null ? null : userId.toString();
    }

    public void open() {
        Pages.openRecord(userId, () -> {
            UserAccount user = administration.user(userId);
            username = user.getUsername();
            reset();
        });
    }

    @Override
    protected List<ApiToken> loadTokens() {
        return tokens.tokensOf(userId);
    }

    @Override
    protected NewToken createToken(String tokenName, LocalDate tokenExpiresOn) {
        return tokens.createFor(userId, tokenName, tokenExpiresOn);
    }

    @Override
    protected ApiToken revokeToken(long tokenId) {
        return tokens.revoke(userId, tokenId);
    }

    public String getUsername() {
        return username;
    }
}
