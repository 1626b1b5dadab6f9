package adreview.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Boolean> columns = new ConcurrentHashMap<>();

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
                connection.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                // On a connection the server dropped this fails too; the first failure is the one to report.
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                throw e;
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

    /**
     * True when {@code error} (or a cause) says the server could not be reached or went away
     * (SQLSTATE class 08, an administrator or crash shutdown, a pool timeout): worth retrying once
     * the server is back. Constraint violations and bad SQL are not.
     */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // HikariCP's proxy of a connection it evicted as broken says only this (no SQLSTATE).
            if (t instanceof SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code table} has {@code column} in the search path (for optional pipeline columns such
     * as {@code overlay_layouts.created_at}); asked once per pool, the answer is kept.
     */
    public boolean hasColumn(String table, String column) {
        return columns.computeIfAbsent(table + "." + column, key -> withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM information_schema.columns "
                    + "WHERE table_schema = ANY (current_schemas(false)) AND table_name = ? AND column_name = ?")) {
                st.setString(1, table);
                st.setString(2, column);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        }));
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
