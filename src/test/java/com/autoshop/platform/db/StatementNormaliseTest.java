package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SQL text that slow-statement lines and statement timers show. */
class StatementNormaliseTest {

    @Test
    void literalsAndNumbersAreMaskedAndParametersKept() {
        assertThat(StatementObserver.normalise("SELECT * FROM customers\n  WHERE name = 'O''Brien' AND id = $1 LIMIT 20"))
                .isEqualTo("SELECT * FROM customers WHERE name = ? AND id = $1 LIMIT ?");
    }

    @Test
    void anApostropheInACommentOpensNoLiteral() {
        String sql = """
                WITH next AS (
                    -- empty when the vehicle is not the customer's: nothing changes then
                    SELECT $2::text AS status
                ), size AS (
                    -- the day's bounds are parameters
                    SELECT count(*) FROM appointments WHERE starts_at >= $18 /* the shop's day */ LIMIT $3
                )
                SELECT 'it''s' FROM size""";

        assertThat(StatementObserver.normalise(sql)).isEqualTo(
                "WITH next AS ( SELECT $2::text AS status ), size AS ( "
                        + "SELECT count(*) FROM appointments WHERE starts_at >= $18 LIMIT $3 ) SELECT ? FROM size");
    }

    @Test
    void commentMarkersInsideALiteralStayPartOfIt() {
        assertThat(StatementObserver.normalise("SELECT '-- not a comment', '/* nor this' FROM t -- note"))
                .isEqualTo("SELECT ?, ? FROM t");
    }
}
