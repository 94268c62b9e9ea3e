package care.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher adds a -XX flag newer than Java 17 itself only where the services' JVM starts with it: what
 * {@link Stack#jvmKnows} says must be what the JVM does with the flag.
 */
class JvmFlagsTest {

    @Test
    void aFlagIsKnownExactlyWhenTheServicesJvmStartsWithIt() throws Exception {
        for (String flag : List.of("TrimNativeHeapInterval=5000", "NoSuchFlagOfAnyJdk=1", "MaxHeapSize=268435456")) {
            String name = flag.substring(0, flag.indexOf('='));
            assertEquals(startsWith("-XX:" + flag), Stack.jvmKnows(name), flag);
        }
    }

    private static boolean startsWith(String option) throws Exception {
        Process java = new ProcessBuilder(Repo.javaBinary(), option, "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        return java.exitValue() == 0;
    }
}
