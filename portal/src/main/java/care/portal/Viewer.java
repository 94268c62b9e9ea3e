package care.portal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The logged-in user of this request: their access token (kept server-side in the encrypted session cookie, sent
 * to the API as Bearer) and its claims. Quarkus has verified the token; this only reads it.
 */
@RequestScoped
public class Viewer {

    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private User user;

    public Viewer(SecurityIdentity identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    public String token() {
        if (identity.isAnonymous()) {
            return null;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }

    public User user() {
        if (user == null) {
            String token = token();
            if (token == null) {
                user = User.ANONYMOUS;
            } else {
                Map<String, Object> claims;
                try {
                    claims = json.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), CLAIMS);
                } catch (IOException | RuntimeException e) {
                    claims = Map.of();
                }
                String name = claims.get("name") == null ? identity.getPrincipal().getName()
                        : claims.get("name").toString().replace(" ", "");
                user = new User(true, String.valueOf(claims.getOrDefault("preferred_username",
                        identity.getPrincipal().getName())), name, identity.getRoles(), claims);
            }
        }
        return user;
    }
}
