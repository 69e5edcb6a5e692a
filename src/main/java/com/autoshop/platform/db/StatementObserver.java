package com.autoshop.platform.db;

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
 * a value; it is still normalised (whitespace folded, literals masked) in case a literal slips in.
 */
@Singleton
public class StatementObserver implements StatementListener {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LITERALS = Pattern.compile("'[^']*+(?:''[^']*+)*+'|(?<![$\\w])\\d+\\b");
    private static final int MAX_SHAPE = 160;

    private final MeterRegistry registry;
    private final Duration slowThreshold;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    public StatementObserver(MeterRegistry registry, DatabaseConfig config) {
        this.registry = registry;
        this.slowThreshold = config.slowStatementThreshold();
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
            Log.warnf("slow statement: %.1f ms on %s%s: %s", nanos / 1_000_000.0,
                    request.map(RequestStatements::route).orElse("background"), failed ? " (failed)" : "", shape.text);
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
        return new Shape(text, timer);
    }

    static String normalise(String sql) {
        return LITERALS.matcher(SPACES.matcher(sql).replaceAll(" ").trim()).replaceAll("?");
    }

    private record Shape(String text, Timer timer) {
    }
}
