package com.autoshop.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Attaches {@link PostgresDatabase} to every {@code @QuarkusTest} of the run (one database, one application start). */
@QuarkusTestResource(PostgresDatabase.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
