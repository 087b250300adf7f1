package org.trustfund.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.security.ApiToken;
import org.trustfund.security.ApiTokenService;
import org.trustfund.security.ApiTokenService.NewToken;

/** Backs the page where a user makes, sees and revokes their own API tokens. */
@Named
@ViewScoped
public class MyTokensPage extends TokenForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApiTokenService tokens;

    @PostConstruct
    void load() {
        reset();
    }

    @Override
    protected List<ApiToken> loadTokens() {
        return tokens.myTokens();
    }

    @Override
    protected NewToken createToken(String tokenName, LocalDate tokenExpiresOn) {
        return tokens.createMine(tokenName, tokenExpiresOn);
    }

    @Override
    protected ApiToken revokeToken(long tokenId) {
        return tokens.revokeMine(tokenId);
    }
}
