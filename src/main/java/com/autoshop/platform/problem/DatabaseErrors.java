package com.autoshop.platform.problem;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads PostgreSQL failures (wrapped by Hibernate or not) and turns the ones a client caused into problems. */
public final class DatabaseErrors {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String CHECK_VIOLATION = "23514";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** Text PostgreSQL cannot store: U+0000 in a string (text or json), which a query parameter can carry. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    private static final String UNTRANSLATABLE_CHARACTER = "22P05";
    private static final Duration RETRY_SOON = Duration.ofSeconds(1);
    /**
     * How a request that waited the whole connection timeout fails: the service's own deadline
     * ({@code DeadlineAcquire}) says it as Vert.x's pool timeout did, in a plain VertxException.
     */
    private static final String CONNECTION_TIMEOUT = "Timeout waiting for connection";
    /**
     * How it fails a transaction's connection request that timed out just as a connection came free
     * (seen under three times the sustainable load, as a 500 before): {@code Future.failedFuture("Timeout")}.
     */
    private static final String ACQUIRE_TIMEOUT = "Timeout";

    private DatabaseErrors() {
    }

    /** What PostgreSQL said: its SQLSTATE and, for an integrity violation, the constraint's name. */
    public record DbError(String sqlState, String constraint) {
    }

    /**
     * The PostgreSQL error in the cause chain, straight from the reactive client or as Hibernate
     * Reactive reports it (a JDBCException carrying the SQLSTATE and constraint name).
     */
    public static Optional<DbError> dbError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return Optional.of(new DbError(pg.getSqlState(), pg.getConstraint()));
            }
            if (t instanceof ConstraintViolationException violation && violation.getSQLState() != null) {
                return Optional.of(new DbError(violation.getSQLState(), violation.getConstraintName()));
            }
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return Optional.of(new DbError(jdbc.getSQLState(), null));
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is the violation of the named constraint (or unique index). */
    public static boolean violated(Throwable failure, String constraint) {
        return dbError(failure).map(error -> constraint.equals(error.constraint())).orElse(false);
    }

    public static boolean isPoolSaturated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectionPoolTooBusyException || t instanceof NoStackTraceTimeoutException
                    || t instanceof VertxException && CONNECTION_TIMEOUT.equals(t.getMessage())
                    || t.getClass() == NoStackTraceThrowable.class && ACQUIRE_TIMEOUT.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A request refused because every connection is in use and the wait queue is full: 503, retry in a second. */
    public static ApiProblem atCapacity() {
        return new ApiProblem(ErrorCode.SERVICE_UNAVAILABLE, "The service is at capacity; retry shortly", List.of(), Map.of(),
                RETRY_SOON);
    }

    /** The generic answer for a failure the services did not translate themselves. */
    public static Optional<ApiProblem> translate(Throwable failure) {
        if (isPoolSaturated(failure)) {
            return Optional.of(atCapacity());
        }
        return dbError(failure).flatMap(error -> switch (error.sqlState()) {
            case UNIQUE_VIOLATION, EXCLUSION_VIOLATION -> Optional.of(ApiProblem.conflict(
                    "The change conflicts with an existing record"));
            case FOREIGN_KEY_VIOLATION -> Optional.of(ApiProblem.conflict(
                    "The change refers to a record that does not exist or is still referenced"));
            case CHECK_VIOLATION -> Optional.of(new ApiProblem(ErrorCode.VALIDATION_FAILED,
                    "A value is out of its allowed range"));
            case CHARACTER_NOT_IN_REPERTOIRE, UNTRANSLATABLE_CHARACTER -> Optional.of(new ApiProblem(ErrorCode.VALIDATION_FAILED,
                    "Text must not contain the NUL character (U+0000)"));
            case "40001", "40P01", "55P03" -> Optional.of(new ApiProblem(ErrorCode.SERVICE_UNAVAILABLE,
                    "A concurrent change got in the way; retry", List.of(), Map.of(), RETRY_SOON));
            default -> Optional.empty();
        });
    }
}
