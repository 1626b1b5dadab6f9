package adreview.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A pooled connection to the pipeline database (HikariCP) and the one way to run a transaction.
 *
 * <p>{@link #connect} first tries one plain connection so that an unreachable server gives one
 * clear {@link DatabaseUnavailableException} instead of a pool start-up trace.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Opens a pool on {@code url}.
     *
     * @throws DatabaseUnavailableException when no connection can be made, with the reason
     */
    public static Database connect(String url, String user, String password) {
        // A password written into the URL is moved into the connection properties: the URL is shown and logged in
        // many places (Settings, errors, the about box), the password never is.
        String secret = password == null || password.isEmpty() ? JdbcUrls.passwordIn(url) : password;
        String shown = JdbcUrls.withoutPassword(url);
        url = JdbcUrls.strippedOfPassword(url);
        probe(url, shown, user, secret);
        password = secret;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("adreview-db");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        try {
            return new Database(new HikariDataSource(config), shown);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(shown, redacted(reason(e), password), e);
        }
    }

    /** A driver's message with any password in it masked (drivers quote the URL they could not use). */
    static String redacted(String message, String password) {
        String masked = JdbcUrls.withoutPassword(message);
        return password == null || password.isEmpty() ? masked : masked.replace(password, JdbcUrls.MASK);
    }

    /**
     * One connection attempt with a short timeout; throws with a readable reason.
     *
     * @param shown the URL as messages may show it (no password)
     */
    static void probe(String url, String shown, String user, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseUnavailableException(String.valueOf(shown),
                    "not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database)", null);
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(shown, redacted(reason(e), password), e);
        }
    }

    /** The most telling message in a failure chain: "Connection refused", "unknown host db", … */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof IOException && t.getMessage() != null) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    /** The JDBC URL this pool talks to, without any password (safe to show). */
    public String url() {
        return url;
    }

    /** The pool, for Flyway and schema checks. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs {@code work} in one transaction: commit when it returns, roll back when it throws.
     * Repositories' {@code Connection}-taking methods compose inside it.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + reason(e), e);
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public void runInTransaction(SqlAction action) {
        inTransaction(connection -> {
            action.accept(connection);
            return null;
        });
    }

    /** Runs read-only or single-statement work on a pooled connection (auto-commit). */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + reason(e), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
