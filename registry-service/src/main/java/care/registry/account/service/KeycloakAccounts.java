package care.registry.account.service;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.registry.account.domain.Account;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The platform's only way to Keycloak's users: through its admin API (quarkus-keycloak-admin-rest-client), as the
 * realm's client registry-accounts. Keycloak keeps credentials, sessions, required actions and brute-force state;
 * the claims it puts in tokens (uscc, sector, division_code, city_code) are the attributes written here from an
 * {@link Account}, which only the admin API may edit (the realm's user profile gives users no edit right on them).
 * A refusal or an outage of Keycloak is a problem+json answer, never a 500.
 */
@ApplicationScoped
public class KeycloakAccounts {

    static final String REALM = "care";
    // no 0/O, 1/l/I: a one-time password is read off a screen and typed on a phone
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keycloak keycloak;

    public KeycloakAccounts(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Creates the user with the account's claims and a password; returns its Keycloak id. A temporary password
     * makes Keycloak ask for a new one at the first sign-in (required action UPDATE_PASSWORD).
     */
    public String create(Account account, boolean enabled, String password, boolean temporary) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(account.username);
        user.setFirstName(account.fullName);
        user.setEnabled(enabled);
        user.setAttributes(claims(account));
        CredentialRepresentation credential = password(password, temporary);
        user.setCredentials(List.of(credential));
        return call(() -> {
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("USERNAME_TAKEN", "该账号名已被使用",
                            "Keycloak already has a user named " + account.username);
                }
                if (response.getStatus() == 400) {
                    // the realm's password policy (production: length, not the username, history) refused it
                    throw ProblemException.invalid("password",
                            "密码不符合要求：至少12位，不得与账号名相同，不得与最近用过的密码相同");
                }
                String id = CreatedResponseUtil.getCreatedId(response);
                if (enabled) {
                    grantRole(id, account.role);
                }
                return id;
            }
        });
    }

    /** Switches a disabled staff account on again, with the role it was made for. */
    public void enable(Account account) {
        call(() -> {
            UserResource user = realm().users().get(account.keycloakId);
            grantRole(account.keycloakId, account.role);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(true);
            user.update(representation);
            return null;
        });
    }

    /**
     * A confirmed registration: the user is switched on with the role institution and loses
     * registrant, if it filed its NEW as one. A token it already holds keeps its roles until it is refreshed (5 min at
     * most); the sessions are not ended, so the registrant keeps working. Idempotent: asked again, it changes nothing.
     */
    public void confirm(Account account) {
        call(() -> {
            UserResource user = realm().users().get(account.keycloakId);
            grantRole(account.keycloakId, Roles.INSTITUTION);
            var registrant = user.roles().realmLevel().listAll().stream()
                    .filter(r -> Roles.REGISTRANT.equals(r.getName())).toList();
            if (!registrant.isEmpty()) {
                user.roles().realmLevel().remove(registrant);
            }
            UserRepresentation representation = user.toRepresentation();
            if (!Boolean.TRUE.equals(representation.isEnabled())) {
                representation.setEnabled(true);
                user.update(representation);
            }
            return null;
        });
    }

    /** Switches the user off and ends its sessions at once: its refresh tokens stop working now. */
    public void disable(Account account) {
        call(() -> {
            UserResource user = realm().users().get(account.keycloakId);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(false);
            user.update(representation);
            user.logout();
            return null;
        });
    }

    /** Deletes the user (a refused registration, a removed operator): its sessions end with it. */
    public void delete(Account account) {
        call(() -> {
            try (Response response = realm().users().delete(account.keycloakId)) {
                if (response.getStatus() >= 300 && response.getStatus() != 404) {
                    throw new WebApplicationException(response.getStatus());
                }
                return null;
            }
        });
    }

    /** Sets a new one-time password (changed at the next sign-in) and ends the user's sessions. */
    public String resetPassword(Account account) {
        String password = oneTimePassword();
        call(() -> {
            UserResource user = realm().users().get(account.keycloakId);
            user.resetPassword(password(password, true));
            user.logout();
            return null;
        });
        return password;
    }

    /** 16 characters from 55: about 92 bits, longer than the production policy's 12. */
    public static String oneTimePassword() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private void grantRole(String userId, String role) {
        var representation = realm().roles().get(role).toRepresentation();
        realm().users().get(userId).roles().realmLevel().add(List.of(representation));
    }

    private static Map<String, List<String>> claims(Account account) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        put(claims, "uscc", account.uscc);
        put(claims, "sector", account.sector == null ? null : account.sector.name());
        put(claims, "division_code", account.divisionCode);
        put(claims, "city_code", account.cityCode);
        return claims;
    }

    private static void put(Map<String, List<String>> claims, String name, String value) {
        if (value != null) {
            claims.put(name, List.of(value));
        }
    }

    private static CredentialRepresentation password(String value, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(temporary);
        return credential;
    }

    private RealmResource realm() {
        return keycloak.realm(REALM);
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException | ProcessingException e) {
            // nothing of Keycloak's answer reaches the client: it may name users or the realm's setup
            Log.warnf("Keycloak admin API failed: %s", e.toString());
            throw new ProblemException(Problem.of(503, "ACCOUNTS_UNAVAILABLE", "账号服务暂时不可用，请稍后重试",
                    "the identity provider did not complete the change"));
        }
    }
}
