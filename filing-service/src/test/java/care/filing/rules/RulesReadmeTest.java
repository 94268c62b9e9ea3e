package care.filing.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's table of filing rules is the rule data: rendered from kind-ownership.tsv and review-flags.tsv and
 * compared with the block between the README's markers. When they differ, the message holds the block to paste.
 */
class RulesReadmeTest {

    static final String BEGIN = "<!-- rules: generated from filing/kind-ownership.tsv and filing/review-flags.tsv, checked by RulesReadmeTest -->";
    static final String END = "<!-- /rules -->";

    @Test
    void theReadmeTableOfRulesIsTheRuleData() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        String documented = begin < 0 || end < begin ? "" : readme.substring(begin + BEGIN.length(), end).strip();
        assertEquals(rendered(new FilingRules()), documented, "filing-service/README.md between the rules markers");
    }

    static String rendered(FilingRules rules) {
        StringBuilder md = new StringBuilder("| kind | 举办性质 it may have | document | section | sentence |\n"
                + "|---|---|---|---|---|\n");
        for (FilingRules.KindOwnership r : rules.kindOwnerships()) {
            md.append("| ").append(r.kind()).append(' ').append(r.kind().label).append(" | ")
                    .append(names(r.ownerships())).append(" | ").append(r.source().document()).append(" | ")
                    .append(r.source().section()).append(" | ").append(r.source().sentence()).append(" |\n");
        }
        md.append("\n| flag | city | 举办性质 | kinds | filing types | at least | document | section | sentence |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (FilingRules.FlagRule r : rules.flagRules()) {
            md.append("| ").append(r.code()).append(" | ").append(r.cityCode()).append(" | ")
                    .append(names(r.ownerships())).append(" | ").append(names(r.kinds())).append(" | ")
                    .append(names(r.types())).append(" | ").append(r.minPercent()).append("% | ")
                    .append(r.source().document()).append(" | ").append(r.source().section()).append(" | ")
                    .append(r.source().sentence()).append(" |\n");
        }
        return md.toString().strip();
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
