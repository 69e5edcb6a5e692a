package com.autoshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Pool saturation is a 503 the client may retry, whichever way the pool reports it. */
class DatabaseErrorsTest {

    @Test
    void aRequestThatWaitedTheWholeConnectionTimeoutIsA503() {
        var failure = new CompletionException(new VertxException("Timeout waiting for connection", true));
        ApiProblem problem = DatabaseErrors.translate(failure).orElseThrow();
        assertThat(problem.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(problem.retryAfter()).isNotNull();
    }

    /** What the pool answers a transaction whose connection request timed out as a connection came free. */
    @Test
    void aConnectionRequestThatTimedOutIsA503() {
        Throwable failure = Future.failedFuture("Timeout").cause();
        ApiProblem problem = DatabaseErrors.translate(new CompletionException(failure)).orElseThrow();
        assertThat(problem.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void anyOtherVertxFailureIsNotMistakenForSaturation() {
        assertThat(DatabaseErrors.isPoolSaturated(new VertxException("Connection closed", true))).isFalse();
        assertThat(DatabaseErrors.isPoolSaturated(Future.failedFuture("Connection reset").cause())).isFalse();
    }
}
