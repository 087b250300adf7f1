package org.trustfund.web.account;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.trustfund.security.ApiToken;
import org.trustfund.security.ApiTokenService;
import org.trustfund.security.ApiTokenService.NewToken;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * What the two token pages share (the user's own, and an administrator's for another account): the form for a
 * new token, kept as typed when refused; the secret of the token just made, shown once; and the list.
 */
public abstract class TokenForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private LocalDate expiresOn;
    private String newSecret;
    private String newSecretName;
    private List<ApiToken> tokens = List.of();

    protected abstract List<ApiToken> loadTokens();

    protected abstract NewToken createToken(String tokenName, LocalDate tokenExpiresOn);

    protected abstract ApiToken revokeToken(long tokenId);

    protected void reset() {
        name = null;
        expiresOn = LocalDate.now(Clock.systemUTC()).plusDays(ApiTokenService.DEFAULT_DAYS);
        tokens = loadTokens();
    }

    public void create() {
        try {
            NewToken made = createToken(name, expiresOn);
            newSecret = made.secret();
            newSecretName = made.token().getName();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "newToken");
            return;
        }
        reset();
    }

    public void revoke(ApiToken token) {
        try {
            ApiToken revoked = revokeToken(token.getId());
            Messages.info("tokens.revoked", revoked.getName());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "tokens");
        }
        tokens = loadTokens();
    }

    /** Forgets the secret once the user has taken it (it is never shown again). */
    public void dismissSecret() {
        newSecret = null;
        newSecretName = null;
    }

    /**
     * Who made or revoked a token, as this viewer may see it: a donor sees their own name, and for anyone
     * else "UN Trust Fund staff", never a staff member's user name.
     */
    public String person(String userName) {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        boolean donorOnly = ec.isUserInRole(Roles.DONOR) && Roles.STAFF.stream().noneMatch(ec::isUserInRole);
        if (userName == null || !donorOnly || userName.equals(ec.getRemoteUser())) {
            return userName;
        }
        return Messages.text("api.staffName");
    }

    public String statusOf(ApiToken token) {
        if (token.isRevoked()) {
            return "revoked";
        }
        return token.isUsableAt(Instant.now()) ? "active" : "expired";
    }

    /** The last day the token works, as the user chose it (it works through that day, UTC). */
    public LocalDate lastDayOf(ApiToken token) {
        return LocalDate.ofInstant(token.getExpiresAt().minusNanos(1), ZoneOffset.UTC);
    }

    public LocalDate getMaxExpiry() {
        return LocalDate.now(Clock.systemUTC()).plusDays(ApiTokenService.MAX_LIFETIME.toDays());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public String getNewSecret() {
        return newSecret;
    }

    public String getNewSecretName() {
        return newSecretName;
    }

    public List<ApiToken> getTokens() {
        return tokens;
    }
}
