package care.subsidy.access;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new endpoint cannot skip the scope: every REST resource of the service is built with {@link Access}, the one
 * place a caller's {@link Scope} is decided, and the repositories' reads take that Scope (a plain JUnit check of the
 * compiled classes, so it fails as soon as a resource is added without it).
 */
class AccessEverywhereTest {

    @Test
    void everyResourceIsBuiltWithAccess() throws IOException {
        List<Class<?>> resources = classes().stream()
                .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class)).toList();
        assertFalse(resources.isEmpty(), "no resources found under " + root());
        for (Class<?> resource : resources) {
            boolean withAccess = Arrays.stream(resource.getDeclaredConstructors()).map(Constructor::getParameterTypes)
                    .anyMatch(types -> Arrays.asList(types).contains(Access.class));
            assertTrue(withAccess, resource.getName() + " does not take Access: its reads would not be scoped");
        }
    }

    @Test
    void onlyAccessMakesAScope() {
        for (Constructor<?> constructor : Scope.class.getDeclaredConstructors()) {
            assertFalse(java.lang.reflect.Modifier.isPublic(constructor.getModifiers())
                    || java.lang.reflect.Modifier.isProtected(constructor.getModifiers()), constructor.toString());
        }
    }

    private static Path root() {
        return Path.of("target/classes");
    }

    private static List<Class<?>> classes() throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve("care/subsidy"))) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> root().relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(AccessEverywhereTest::load).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AccessEverywhereTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
