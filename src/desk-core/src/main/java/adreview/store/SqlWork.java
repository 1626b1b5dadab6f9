package adreview.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside a transaction or not. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
