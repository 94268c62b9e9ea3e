package care.portal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The page a login came back to is shown again without Keycloak's answer in its URL, and with its own query. */
class CodeFlowCallbackTest {

    @Test
    void keycloaksParametersAreDroppedAndThePagesOwnKept() {
        assertEquals("/portal/sites", CodeFlowCallback.withoutCodeFlowParameters("/portal/sites",
                "state=8fa9&session_state=7yBQ&iss=http%3A%2F%2Flocalhost%3A8180%2Frealms%2Fcare&code=fc77.7yBQ.004a"));
        assertEquals("/portal/review?status=SUBMITTED&overdue", CodeFlowCallback.withoutCodeFlowParameters(
                "/portal/review", "status=SUBMITTED&state=1&overdue&code=2&iss=x"));
    }
}
