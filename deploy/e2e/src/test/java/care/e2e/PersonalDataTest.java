package care.e2e;

import care.deploy.Infra;
import care.deploy.Postgres;
import care.deploy.Stack;
import care.deploy.TestTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A citizen ID entered on a roster is shown masked, travels on no topic, and is found in plain text in no database
 * column and no log line of any part of the platform.
 */
class PersonalDataTest {

    // GB 11643: 五华区, born 1986-03-15, sequence 274, check digit computed below
    static final String CITIZEN_ID = withCheckDigit("53010219860315274");

    static Stack stack;

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
    }

    @Test
    void aCitizenIdIsMaskedInAnswersAndEventsAndPlainNowhereAtRest() throws Exception {
        String institution = Platform.fixtures().shared("institution");
        String staffId = as("inst-elderly", "POST", "/api/institutions/" + institution + "/staff", Map.of(
                "name", "李秀芬", "role", "ELDERLY_CAREGIVER", "citizenId", CITIZEN_ID,
                "certificateType", "养老护理员职业技能等级证书", "certificateGrade", "LEVEL_4",
                "certificateNumber", "S5301022024000123", "certificateIssuedOn", "2024-03-01",
                "employedFrom", "2024-05-01"))
                .statusCode(201).body("citizenIdMasked", equalTo("530102********" + CITIZEN_ID.substring(14)))
                .body(not(containsString(CITIZEN_ID))).extract().path("id");
        as("inst-elderly", "GET", "/api/institutions/" + institution + "/staff", null)
                .statusCode(200).body(not(containsString(CITIZEN_ID)));

        // the roster change reached the subsidy service's read model, without the ID
        String kafka = stack.infra.kafka.bootstrapServers();
        eventually(() -> TestTopics.read(kafka, "registry-events", Duration.ofSeconds(5),
                record -> record.value().contains(staffId)).isEmpty() ? null : "published");
        for (String topic : List.of("filing-events", "registry-events", "subsidy-events")) {
            assertEquals(List.of(), TestTopics.read(kafka, topic, Duration.ofSeconds(2),
                    record -> record.value().contains(CITIZEN_ID)), topic);
        }

        for (String database : Infra.DATABASES) {
            assertEquals(List.of(), columnsHolding(database, CITIZEN_ID), "plain citizen ID at rest in " + database);
        }
        try (Stream<Path> logs = Files.list(stack.layout.workDir().resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertFalse(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(CITIZEN_ID), "plain citizen ID in " + log.getFileName());
            }
        }
    }

    /** Every table.column of {@code database} in which {@code text} occurs, in text or in bytes. */
    private static List<String> columnsHolding(String database, String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(stack.infra.postgres.jdbcUrl(database), Postgres.USER,
                Postgres.PASSWORD)) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public'
                      and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea')""")) {
                while (rs.next()) {
                    columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] column : columns) {
                String probe = column[2].equals("bytea")
                        ? "select count(*) from \"%s\" where position(convert_to(?, 'UTF8') in \"%s\") > 0"
                        : "select count(*) from \"%s\" where position(? in \"%s\"::text) > 0";
                try (PreparedStatement query = db.prepareStatement(probe.formatted(column[0], column[1]))) {
                    query.setString(1, text);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
