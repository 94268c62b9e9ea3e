package care.portal;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The portal's own templates, read as Quarkus finds them, for tests that render a page without starting the portal. */
final class PortalTemplates {

    private PortalTemplates() {
    }

    /** A Qute engine over src/main/resources/templates, resolving the templates' data by reflection. */
    static Engine engine() {
        return builder().build();
    }

    /** The same, for a test that adds what a page needs beyond it (a namespace such as {@code fmt:}). */
    static EngineBuilder builder() {
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).addLocator(locator());
    }

    private static TemplateLocator locator() {
        return id -> {
            Path file = Path.of("src/main/resources/templates", id.endsWith(".html") ? id : id + ".html");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(new TemplateLocator.TemplateLocation() {
                @Override
                public Reader read() {
                    try {
                        return new StringReader(Files.readString(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.empty();
                }
            });
        };
    }
}
