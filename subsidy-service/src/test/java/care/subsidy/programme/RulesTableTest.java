package care.subsidy.programme;

import care.deploy.CareTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's table of rules is the seed data: this test migrates a fresh schema with the service's own migrations
 * (so what other tests changed does not count), renders the programme kinds, the programmes with their source
 * sentence and the seeded versions, and compares the result with the block between the README's markers. When they
 * differ, the message holds the block to paste.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class RulesTableTest {

    static final String BEGIN = "<!-- rules: generated from the seed data, checked by RulesTableTest -->";
    static final String END = "<!-- /rules -->";
    static final String SCHEMA = "readme_rules";

    @Inject
    DataSource dataSource;

    @Test
    void theReadmeTableOfRulesIsTheSeedData() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        String documented = begin < 0 || end < begin ? "" : readme.substring(begin + BEGIN.length(), end).strip();
        assertEquals(rendered(), documented, "subsidy-service/README.md between " + BEGIN + " and " + END);
    }

    private String rendered() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            try {
                Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true)
                        .locations("classpath:db/migration", "classpath:db/contracts").load().migrate();
                StringBuilder md = new StringBuilder();
                md.append("Programme kinds (`programme_kind`):\n\n")
                        .append("| kind | 名称 | calculation | document | section | sentence |\n|---|---|---|---|---|---|\n");
                rows(s, "select code, name, calculation, document, section, sentence from " + SCHEMA
                        + ".programme_kind order by code", 6, md);
                md.append("\nProgrammes (`programme`):\n\n")
                        .append("| programme | city | kind | name | document | section | sentence |\n")
                        .append("|---|---|---|---|---|---|---|\n");
                rows(s, "select code, city_code, kind, name, document, section, sentence from " + SCHEMA
                        + ".programme order by city_code, code", 7, md);
                md.append("\nSeeded versions (`programme_version` and its lists; amounts in fen):\n\n")
                        .append("| programme | from | until | 举办性质 | kinds | certificates | rates | ceiling |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
                rows(s, """
                        select v.programme_code, v.effective_from, coalesce(cast(v.effective_until as text), '—'),
                          coalesce((select string_agg(ownership, ', ' order by ownership) from %1$s.programme_ownership
                                    where version_id = v.id), '—'),
                          coalesce((select string_agg(kind, ', ' order by kind) from %1$s.programme_institution_kind
                                    where version_id = v.id), '—'),
                          coalesce((select string_agg(certificate_type, ', ' order by certificate_type)
                                    from %1$s.programme_certificate_type where version_id = v.id), '—'),
                          coalesce((select string_agg(rate_key || ' ' || amount_fen, ', ' order by rate_key desc)
                                    from %1$s.programme_rate where version_id = v.id), '—'),
                          coalesce(cast(v.max_amount_fen as text), '—')
                        from %1$s.programme_version v order by v.programme_code, v.effective_from""".formatted(SCHEMA),
                        8, md);
                return md.toString().strip();
            } finally {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    private static void rows(Statement s, String sql, int columns, StringBuilder md) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                md.append('|');
                for (int i = 1; i <= columns; i++) {
                    md.append(' ').append(String.valueOf(r.getObject(i)).replace("|", "\\|")).append(" |");
                }
                md.append('\n');
            }
        }
    }
}
