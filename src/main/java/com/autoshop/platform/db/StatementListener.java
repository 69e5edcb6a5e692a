package com.autoshop.platform.db;

/** Told about every SQL statement the service sends, whoever sends it (Hibernate Reactive or a query class). */
public interface StatementListener {

    /** Called when the statement is handed to the driver (a batch counts as one statement: one round trip). */
    void started(String sql);

    /** Called when the database has answered (or failed). */
    void finished(String sql, long nanos, boolean failed);

    StatementListener NONE = new StatementListener() {
        @Override
        public void started(String sql) {
        }

        @Override
        public void finished(String sql, long nanos, boolean failed) {
        }
    };
}
