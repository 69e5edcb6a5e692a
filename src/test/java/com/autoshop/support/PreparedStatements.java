package com.autoshop.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the service's pool keeps a statement prepared on its connection. A statement the client does
 * not cache is sent unnamed, so PostgreSQL parses and plans it on every execution and it never shows in
 * {@code pg_prepared_statements}.
 */
public final class PreparedStatements {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private PreparedStatements() {
    }

    /** Runs {@code sql} twice on one connection, every parameter null, in a rolled back transaction; answers how often it is prepared there. */
    public static long timesPrepared(Pool pool, String sql) {
        Tuple nulls = Tuple.tuple();
        for (int i = 0; i < parameters(sql); i++) {
            nulls.addValue(null);
        }
        return pool.withConnection(connection -> connection.begin().chain(transaction -> connection.preparedQuery(sql).execute(nulls)
                        .chain(() -> connection.preparedQuery(sql).execute(nulls))
                        .chain(() -> connection.preparedQuery("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1")
                                .execute(Tuple.of(sql)))
                        .map(rows -> rows.iterator().next().getLong(0))
                        .call(transaction::rollback)))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static int parameters(String sql) {
        int highest = 0;
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest;
    }
}
