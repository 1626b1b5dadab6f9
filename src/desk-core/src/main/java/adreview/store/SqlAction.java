package adreview.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work with one connection that returns nothing. */
@FunctionalInterface
public interface SqlAction {
    void accept(Connection connection) throws SQLException;
}
