/**
 * The pipeline database: connection pool, Flyway migrations, schema validation, repositories, the desk's run claims (who owns a {@code running} the desk wrote) and their recovery, the embedded PostgreSQL and the demo data. Knows nothing of the model or the UI.
 */
package adreview.store;
