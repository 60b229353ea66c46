package dev.initcheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * initcheck-core's public surface as committed in {@code docs/api/initcheck-core.txt}: the supported packages
 * ({@code distribution}, {@code shape}, {@code random}, {@code scheme}, {@code check}) and the readers' entry points
 * in {@code io} member by member, the internal packages' public types by name (docs/architecture.md, "Public API").
 * A type or member that becomes public, or a supported signature that changes, fails here until the file is
 * regenerated on purpose.
 */
class ApiSurfaceTest {
    /** Tests run in the repository root (the parent pom sets surefire's working directory). */
    private static final Path SOURCES = Path.of("initcheck-core/src/main/java/dev/initcheck");
    private static final Path COMMITTED = Path.of("docs/api/initcheck-core.txt");
    private static final String REGENERATE = "mvn -o -q test -pl initcheck-core"
            + " -Dtest=ApiSurfaceTest -Dinitcheck.api.update=true";

    private static final List<String> SUPPORTED = List.of("distribution", "shape", "random", "scheme", "check");
    /** The readers' entry points; the rest of {@code io} is internal. */
    private static final Set<String> IO_ENTRY_POINTS =
            Set.of("ChunkConsumer", "DType", "TensorFiles", "TensorFormatException", "TensorInfo", "TensorSource");
    private static final List<String> INTERNAL = List.of("io", "sample", "summary", "propagation", "app");

    @Test
    void publicSurfaceIsTheCommittedOne() {
        ApiListing listing = new ApiListing("initcheck-core: public types and members (supported packages and "
                + "io entry points in full; internal packages by type name)", REGENERATE);
        for (String pkg : SUPPORTED) {
            listing.supported(SOURCES.resolve(pkg), "dev.initcheck." + pkg);
        }
        for (String name : IO_ENTRY_POINTS) {
            listing.supported(load("dev.initcheck.io." + name));
        }
        for (String pkg : INTERNAL) {
            Set<String> listedInFull = pkg.equals("io") ? IO_ENTRY_POINTS : Set.of();
            listing.internal(SOURCES.resolve(pkg), "dev.initcheck." + pkg, listedInFull);
        }
        listing.assertMatches(COMMITTED, REGENERATE);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
