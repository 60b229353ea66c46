package dev.initcheck;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A sorted text listing of public types and their public constructors, methods and fields, read by reflection, and
 * its comparison with a committed file: the guard that keeps a module's public surface deliberate. Supported
 * packages are listed member by member; internal packages (public only for the other initcheck modules) by type
 * name, so a type that becomes public anywhere shows up. With {@code -Dinitcheck.api.update=true} the comparison
 * writes the file instead of failing.
 */
public final class ApiListing {
    /** The system property that rewrites the committed listing instead of comparing with it. */
    public static final String UPDATE_PROPERTY = "initcheck.api.update";

    private static final String INDENT = "    ";

    private final List<String> header = new ArrayList<>();
    /** Type name -> its declaration, then its members; both sorted. */
    private final Map<String, Set<String>> types = new TreeMap<>();

    /**
     * @param title the listing's first line (a comment); the regeneration command follows it
     * @param regenerate the command that rewrites the file, printed in the file and in a failure
     */
    public ApiListing(String title, String regenerate) {
        header.add("# " + title);
        header.add("# Regenerate after a deliberate change: " + regenerate);
    }

    /** Lists each public top-level type of {@code sourceDir}'s package, its public nested types and their members. */
    public ApiListing supported(Path sourceDir, String packageName) {
        for (String simpleName : topLevelTypes(sourceDir)) {
            supported(load(packageName + "." + simpleName));
        }
        return this;
    }

    /** Lists {@code type} (if public), its public nested types and every public member of each. */
    public ApiListing supported(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return this;
        }
        Set<String> lines = declare(type, "");
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(c.getModifiers()) && !c.isSynthetic()) {
                lines.add(modifiers(c.getModifiers()) + "<init>" + parameters(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                int mods = m.getModifiers() & ~(type.isInterface() ? Modifier.ABSTRACT : 0);
                lines.add((m.isDefault() ? "default " : "") + modifiers(mods)
                        + typeName(m.getGenericReturnType()) + " " + m.getName() + parameters(m));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !f.isSynthetic()) {
                lines.add((f.isEnumConstant() ? "enum constant " : modifiers(f.getModifiers())
                        + typeName(f.getGenericType()) + " ") + f.getName());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            supported(nested);
        }
        return this;
    }

    /**
     * Lists the public types of an internal package by name only (public for the other modules, no promise),
     * except those of {@code supportedNames}, listed member by member with {@link #supported(Class)}.
     */
    public ApiListing internal(Path sourceDir, String packageName, Set<String> supportedNames) {
        for (String simpleName : topLevelTypes(sourceDir)) {
            if (!supportedNames.contains(simpleName)) {
                internalType(load(packageName + "." + simpleName));
            }
        }
        return this;
    }

    private void internalType(Class<?> type) {
        if (Modifier.isPublic(type.getModifiers())) {
            declare(type, "internal ");
            for (Class<?> nested : type.getDeclaredClasses()) {
                internalType(nested);
            }
        }
    }

    private Set<String> declare(Class<?> type, String prefix) {
        Set<String> lines = new TreeSet<>();
        types.put(type.getName() + " :: " + prefix + declaration(type), lines);
        return lines;
    }

    /** The listing: header, then each type (sorted by name) and its members, indented, one per line, sorted. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        header.forEach(h -> sb.append(h).append('\n'));
        types.forEach((type, members) -> {
            sb.append(type).append('\n');
            members.forEach(m -> sb.append(INDENT).append(m).append('\n'));
        });
        return sb.toString();
    }

    /**
     * Compares {@link #render()} with {@code committed}; fails listing the lines only one side has and how to
     * regenerate. With {@code -Dinitcheck.api.update=true} writes the file instead.
     */
    public void assertMatches(Path committed, String regenerate) {
        String actual = render();
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(committed.toAbsolutePath().getParent());
                Files.writeString(committed, actual);
                return;
            }
            String expected = Files.exists(committed) ? Files.readString(committed) : "";
            if (!expected.equals(actual)) {
                fail("The public API differs from " + committed + " (- committed, + now):\n"
                        + difference(expected, actual)
                        + "\nIf the change is deliberate, regenerate the file and commit it: " + regenerate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String difference(String expected, String actual) {
        Set<String> before = qualified(expected);
        Set<String> after = qualified(actual);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        StringBuilder sb = new StringBuilder();
        removed.forEach(l -> sb.append("- ").append(l).append('\n'));
        added.forEach(l -> sb.append("+ ").append(l).append('\n'));
        return sb.length() == 0 ? "(same lines, different order or line endings)\n" : sb.toString();
    }

    /** Each line of a listing, a member's prefixed with its type's line, so equal members of two types differ. */
    private static Set<String> qualified(String listing) {
        Set<String> out = new LinkedHashSet<>();
        String type = "";
        for (String line : listing.lines().toList()) {
            if (line.startsWith(INDENT)) {
                out.add(type + " :: " + line.strip());
            } else {
                type = line;
                out.add(line);
            }
        }
        return out;
    }

    private static String declaration(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        int mods = type.getModifiers();
        if (type.isInterface()) {
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC); // implied
        } else if (type.isEnum() || type.isRecord()) {
            mods &= ~(Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC); // implied or set by the compiler
        }
        StringBuilder sb = new StringBuilder(modifiers(mods)).append(kind);
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Record.class && !type.isEnum()) {
            sb.append(" extends ").append(typeName(superclass));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            sb.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(ApiListing::typeName).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String modifiers(int mods) {
        String s = Modifier.toString(mods & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT));
        return s.isEmpty() ? "" : s + " ";
    }

    private static String parameters(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String t = typeName(types[i]);
            names.add(e.isVarArgs() && i == types.length - 1 ? t.substring(0, t.length() - 2) + "..." : t);
        }
        String exceptions = e.getExceptionTypes().length == 0 ? "" : " throws " + Arrays.stream(e.getExceptionTypes())
                .map(Class::getName).sorted().collect(Collectors.joining(", "));
        return names.stream().collect(Collectors.joining(", ", "(", ")")) + exceptions;
    }

    private static String typeName(Type t) {
        return t.getTypeName().replace("$", ".");
    }

    private static Collection<String> topLevelTypes(Path sourceDir) {
        try (Stream<Path> files = Files.list(sourceDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiListing.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + name + " for its source file", e);
        }
    }
}
