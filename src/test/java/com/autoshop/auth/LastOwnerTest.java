package com.autoshop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autoshop.auth.users.UserService;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database keeps one active Owner whatever writes to users (trigger users_one_active_owner),
 * including two transactions that each take a different Owner away at the same time.
 */
@QuarkusTest
class LastOwnerTest {

    @Inject
    UserService users;

    @Test
    void aStatementThatRemovesEveryActiveOwnerFails() throws SQLException {
        Tokens.staffUser("Owner");
        try (Connection c = Sql.connect(); Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE users SET active = false WHERE role = 'Owner'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("users_one_active_owner")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            c.rollback();
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE users SET role = 'Advisor' WHERE role = 'Owner'"))
                    .hasMessageContaining("users_one_active_owner");
            c.rollback();
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM users WHERE role = 'Owner'"))
                    .hasMessageContaining("users_one_active_owner");
            c.rollback();
        }
    }

    /**
     * T1 takes away every Owner but X and holds its transaction open; T2 takes X away and waits for
     * T1's lock; T1 commits; T2 must then fail (before the fix both would commit and leave no Owner).
     */
    @Test
    void twoConcurrentRemovalsCannotBothSucceed() throws Exception {
        Tokens.staffUser("Owner");
        UUID last = (UUID) Sql.value("SELECT id FROM users WHERE role = 'Owner' AND active ORDER BY id LIMIT 1");
        List<UUID> others = Sql.rows("SELECT id FROM users WHERE role = 'Owner' AND active AND id <> ?", last)
                .stream().map(row -> (UUID) row.get("id")).toList();
        try (Connection t1 = Sql.connect(); Connection t2 = Sql.connect()) {
            t1.setAutoCommit(false);
            t2.setAutoCommit(false);
            try (PreparedStatement removeOthers = t1.prepareStatement(
                    "UPDATE users SET active = false WHERE role = 'Owner' AND id <> ?")) {
                removeOthers.setObject(1, last);
                removeOthers.executeUpdate();
            }
            int t2Pid = pid(t2);
            CompletableFuture<Integer> removeLast = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement statement = t2.prepareStatement("UPDATE users SET active = false WHERE id = ?")) {
                    statement.setObject(1, last);
                    return statement.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            waitUntilBlocked(t2Pid);
            t1.commit();
            assertThatThrownBy(() -> removeLast.get(10, TimeUnit.SECONDS)).hasMessageContaining("users_one_active_owner");
            t2.rollback();
        } finally {
            for (UUID id : others) {
                Sql.update("UPDATE users SET active = true WHERE id = ?", id);
            }
        }
        assertThat(Sql.count("SELECT count(*) FROM users WHERE role = 'Owner' AND active")).isEqualTo(others.size() + 1);
    }

    /** Through the service (Hibernate Reactive), the trigger's refusal is a 409, not a generic 400 check failure. */
    @Test
    void theServiceAnswers409WhenTheLastActiveOwnerWouldGo() {
        Tokens.staffUser("Owner");
        UUID last = (UUID) Sql.value("SELECT id FROM users WHERE role = 'Owner' AND active ORDER BY id LIMIT 1");
        List<UUID> others = Sql.rows("SELECT id FROM users WHERE role = 'Owner' AND active AND id <> ?", last)
                .stream().map(row -> (UUID) row.get("id")).toList();
        try {
            Sql.update("UPDATE users SET active = false WHERE role = 'Owner' AND id <> ?", last);
            ObjectNode patch = JsonNodeFactory.instance.objectNode().put("role", "Advisor");
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                    () -> users.update(last, patch, null, UUID.randomUUID(), "staff:test")))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(problem.getMessage()).isEqualTo("The shop must keep at least one active Owner");
                    });
            assertThat(Sql.value("SELECT role FROM users WHERE id = ?", last)).isEqualTo("Owner");
        } finally {
            for (UUID id : others) {
                Sql.update("UPDATE users SET active = true WHERE id = ?", id);
            }
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void waitUntilBlocked(int pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Sql.count("SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'", pid) == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second transaction never waited for the first");
    }
}
