package io.atelier.deploy.checks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one Atelier service reads: the keys of its application.properties, the keys of the
 * {@code @ConfigMapping} interfaces in its sources and in platform/, and the environment variables its
 * properties or its image's entrypoint name. Decides whether an environment variable set by a
 * deployment file reaches the service (Quarkus maps {@code A_B_C} to {@code a.b.c} / {@code a.b-c}).
 */
record ServiceConfig(String module, Properties properties, Set<String> keys, Set<String> namedEnv) {
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern METHOD = Pattern.compile("^\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*[\\w.<>]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern SHELL_REF = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");

    private static final java.util.Map<String, ServiceConfig> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static ServiceConfig of(String module) {
        return CACHE.computeIfAbsent(module, ServiceConfig::load);
    }

    private static ServiceConfig load(String module) {
        Path root = Repo.root();
        String text = Repo.read(module + "/src/main/resources/application.properties");
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        for (Path sources : new Path[] {root.resolve(module).resolve("src/main/java"), root.resolve("platform/src/main/java")}) {
            keys.addAll(mappingKeys(sources));
        }
        Set<String> env = new TreeSet<>();
        ENV_REF.matcher(text).results().forEach(m -> env.add(m.group(1)));
        SHELL_REF.matcher(Repo.read("deploy/docker/Dockerfile.service")).results().forEach(m -> env.add(m.group(1)));
        return new ServiceConfig(module, properties, keys, env);
    }

    /** The property an environment variable sets, if the service reads it; empty otherwise. */
    boolean reads(String envName) {
        if (namedEnv.contains(envName)) {
            return true;
        }
        return keys.stream().anyMatch(k -> envName(k).equals(envName));
    }

    String property(String key) {
        return properties.getProperty(key);
    }

    /** Quarkus's rule: upper case, every character that is not a letter or digit becomes an underscore. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> mappingKeys(Path sources) {
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String java = Repo.read(f);
                Matcher prefix = MAPPING.matcher(java);
                if (prefix.find()) {
                    METHOD.matcher(java.substring(prefix.end())).results()
                            .forEach(m -> keys.add(prefix.group(1) + "." + kebab(m.group(1))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
