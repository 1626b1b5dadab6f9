package adreview.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's password file ({@code ~/.pgpass}, or the file {@code PGPASSFILE} names): lines of
 * {@code host:port:database:user:password}, {@code *} matching anything, {@code \:} and {@code \\} escaped. The
 * desk reads it for an external database when no password is configured otherwise, so that the password never
 * has to be typed on a command line. Like libpq, it refuses a file other accounts can read.
 */
final class PgPassFile {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?;]*).*");

    private PgPassFile() {
    }

    /** The file this process would read: {@code PGPASSFILE}, else {@code ~/.pgpass}. */
    static Path location(Map<String, String> env, Path userHome) {
        String named = env.get("PGPASSFILE");
        return named != null && !named.isBlank() ? Path.of(named) : userHome.resolve(".pgpass");
    }

    /**
     * The password for {@code user} at the database {@code jdbcUrl} names, if the file has a matching line.
     *
     * @throws DeskConfig.ConfigException when a matching line exists in a file that other accounts can read
     */
    static Optional<String> lookup(Path file, String jdbcUrl, String user) {
        if (file == null || jdbcUrl == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(1);
        String port = m.group(2) == null ? "5432" : m.group(2);
        String database = m.group(3);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() != 5) {
                continue;
            }
            if (matches(fields.get(0), host) && matches(fields.get(1), port) && matches(fields.get(2), database)
                    && matches(fields.get(3), user)) {
                String mode = PrivateFiles.openMode(file);
                if (mode != null) {
                    throw new DeskConfig.ConfigException(PrivateFiles.exposed(file, "a database password", mode));
                }
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on unescaped colons, resolving {@code \:} and {@code \\}. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
