package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The service's connections never JIT-compile a statement. With the benchmark dataset's statistics the
 * move's generic plan was estimated above jit_above_cost: every move compiled for 90 ms.
 */
@QuarkusTest
class NoJitTest {

    private static final String EXPLAIN = "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM appointments WHERE position >= 0";

    @Inject
    Pool pool;

    @Test
    void aStatementAboveEveryCostThresholdIsNotCompiled() {
        assertThat(planWith("SET LOCAL jit_above_cost = 0")).doesNotContain("\"JIT\"");
    }

    @Test
    void whereJitIsOnTheSameStatementIsCompiled() {
        // proves the check above can fail: this server has JIT, and the plan shows it when it runs
        assertThat(planWith("SET LOCAL jit = on; SET LOCAL jit_above_cost = 0")).contains("\"JIT\"");
    }

    private String planWith(String settings) {
        return pool.withTransaction(connection -> connection.query(settings).execute()
                        .chain(() -> connection.query(EXPLAIN).execute())
                        .map(rows -> rows.iterator().next().getValue(0).toString()))
                .await().atMost(Duration.ofSeconds(10));
    }
}
