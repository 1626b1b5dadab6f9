/**
 * The pipeline database: connection pool, Flyway migrations, schema validation, repositories, the embedded PostgreSQL and the demo data. Knows nothing of the model or the UI.
 */
package adreview.store;
