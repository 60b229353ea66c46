package dev.initcheck;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * initcheck-testing's public surface as committed in {@code docs/api/initcheck-testing.txt}: the AssertJ and JUnit
 * entry points member by member (the listing of {@link ApiListing}, shared with initcheck-core's
 * {@code ApiSurfaceTest}).
 */
class TestingApiSurfaceTest {
    /** Tests run in the repository root (the parent pom sets surefire's working directory). */
    private static final Path SOURCES = Path.of("initcheck-testing/src/main/java/dev/initcheck");
    private static final Path COMMITTED = Path.of("docs/api/initcheck-testing.txt");
    private static final String REGENERATE = "mvn -o -q test -pl initcheck-testing -am"
            + " -Dtest=TestingApiSurfaceTest -Dsurefire.failIfNoSpecifiedTests=false -Dinitcheck.api.update=true";

    @Test
    void publicSurfaceIsTheCommittedOne() {
        new ApiListing("initcheck-testing: public types and members", REGENERATE)
                .supported(SOURCES.resolve("assertj"), "dev.initcheck.assertj")
                .supported(SOURCES.resolve("junit"), "dev.initcheck.junit")
                .assertMatches(COMMITTED, REGENERATE);
    }
}
