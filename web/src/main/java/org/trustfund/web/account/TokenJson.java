package org.trustfund.web.account;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.security.ApiToken;
import org.trustfund.security.ApiTokenService.NewToken;
import org.trustfund.web.api.Viewer;

/** The JSON forms of API tokens. The secret appears once, in the answer that made the token. */
public final class TokenJson {

    private TokenJson() {
    }

    public record NewTokenRequest(
            @Schema(required = true, description = "What uses the token, e.g. the script's name") String name,
            @Schema(format = "date", description = "Last day valid (UTC), at most a year ahead; 90 days ahead if"
                    + " absent, as the page offers")
            String expiresOn) {
    }

    public record TokenView(long id, String name,
            @Schema(description = "The first characters of the secret, to tell tokens apart") String prefix,
            @Schema(format = "date-time") String createdAt, String createdBy,
            @Schema(format = "date-time", description = "The first instant it no longer works") String expiresAt,
            @Schema(format = "date-time") String lastUsedAt, String lastUsedFrom,
            @Schema(format = "date-time") String revokedAt, String revokedBy,
            @Schema(enumeration = {"ACTIVE", "EXPIRED", "REVOKED"}) String status) {

        /** As {@code viewer} (named {@code viewerName}) may see it: a donor sees no staff member's name. */
        public static TokenView of(ApiToken t, Viewer viewer, String viewerName) {
            String status = t.isRevoked() ? "REVOKED" : t.isUsableAt(Instant.now()) ? "ACTIVE" : "EXPIRED";
            return new TokenView(t.getId(), t.getName(), t.getPrefix(), text(t.getCreatedAt()),
                    viewer.person(t.getCreatedBy(), viewerName), text(t.getExpiresAt()), text(t.getLastUsedAt()),
                    t.getLastUsedFrom(), text(t.getRevokedAt()), viewer.person(t.getRevokedBy(), viewerName), status);
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    public record CreatedToken(TokenView token,
            @Schema(description = "The token to send as 'Authorization: Bearer …'. Shown this once; only its hash"
                    + " is kept.") String secret) {

        public static CreatedToken of(NewToken made, Viewer viewer, String viewerName) {
            return new CreatedToken(TokenView.of(made.token(), viewer, viewerName), made.secret());
        }
    }

    public record TokenList(List<TokenView> items) {

        public static TokenList of(List<ApiToken> tokens, Viewer viewer, String viewerName) {
            return new TokenList(tokens.stream().map(t -> TokenView.of(t, viewer, viewerName)).toList());
        }
    }
}
