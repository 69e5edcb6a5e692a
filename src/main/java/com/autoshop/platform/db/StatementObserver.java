package com.autoshop.platform.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Accounts every statement: the current request's count, a timer per statement shape, and a log line
 * for statements slower than the threshold. Statements are parameterised, so the logged SQL never holds
 * a value; it is still normalised (comments dropped, whitespace folded, literals masked) in case a literal
 * slips in.
 * <p>
 * A shape is logged at most once per interval, with the number of slow ones since its last line: when
 * the database saturates every statement is slow, and a line per statement (100,000 in a minute at
 * 400 requests/s, written on the event loops) kept the service saturated after the load had eased.
 * The {@code db.statement.slow} counter still counts each one.
 */
@Singleton
public class StatementObserver implements StatementListener {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** String literals and comments in one pass: an apostrophe in a comment opens no literal. */
    private static final Pattern LITERALS_AND_COMMENTS = Pattern.compile("'[^']*+(?:''[^']*+)*+'|--[^\\n]*+|/\\*.*?\\*/",
            Pattern.DOTALL);
    private static final Pattern NUMBERS = Pattern.compile("(?<![$\\w])\\d+\\b");
    private static final int MAX_SHAPE = 160;

    private final MeterRegistry registry;
    private final Duration slowThreshold;
    private final Duration logInterval;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    public StatementObserver(MeterRegistry registry, DatabaseConfig config) {
        this.registry = registry;
        this.slowThreshold = config.slowStatementThreshold();
        this.logInterval = config.slowStatementLogInterval();
    }

    @Override
    public void started(String sql) {
    }

    @Override
    public void finished(String sql, long nanos, boolean failed) {
        Shape shape = shapes.computeIfAbsent(sql, this::shapeOf);
        shape.timer.record(nanos, TimeUnit.NANOSECONDS);
        var request = RequestStatements.current();
        request.ifPresent(statements -> statements.record(nanos));
        if (nanos >= slowThreshold.toNanos()) {
            shape.slow.increment();
            long heldBack = shape.logThrottle.pass();
            if (heldBack >= 0) {
                Log.warnf("slow statement: %.1f ms on %s%s%s: %s", nanos / 1_000_000.0,
                        request.map(RequestStatements::route).orElse("background"), failed ? " (failed)" : "",
                        heldBack > 0 ? " (" + heldBack + " more slow since the last line)" : "", shape.text);
            }
        }
    }

    private Shape shapeOf(String sql) {
        String text = normalise(sql);
        String tag = text.length() > MAX_SHAPE ? text.substring(0, MAX_SHAPE) : text;
        Timer timer = Timer.builder("db.statement")
                .description("Time from sending a SQL statement to its answer, per statement shape")
                .tag("shape", tag)
                .publishPercentileHistogram(false)
                .register(registry);
        Counter slow = Counter.builder("db.statement.slow")
                .description("Statements at least as slow as the slow-statement threshold, per statement shape")
                .tag("shape", tag)
                .register(registry);
        return new Shape(text, timer, slow, new LogThrottle(logInterval));
    }

    static String normalise(String sql) {
        String masked = LITERALS_AND_COMMENTS.matcher(sql).replaceAll(match -> match.group().startsWith("'") ? "?" : " ");
        return NUMBERS.matcher(SPACES.matcher(masked).replaceAll(" ").trim()).replaceAll("?");
    }

    private record Shape(String text, Timer timer, Counter slow, LogThrottle logThrottle) {
    }
}
