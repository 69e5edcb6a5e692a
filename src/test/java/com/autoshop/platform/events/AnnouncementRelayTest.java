package com.autoshop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.Announcements;
import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Changes are announced through a queue that the instances relay to NOTIFY, never by the writing
 * transaction itself (whose commit would then hold NOTIFY's database-wide lock through its WAL flush).
 */
@QuarkusTest
class AnnouncementRelayTest {

    @Test
    void onlyTheRelaySendsNotifications() {
        List<Object> notifying = Sql.rows("""
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.prosrc LIKE '%pg_notify%'""").stream().map(row -> row.get("proname")).toList();
        assertThat(notifying).containsExactly("relay_announcements");
    }

    @Test
    void aCommittedChangeIsRelayedOnceAndARolledBackOneNever() throws Exception {
        UUID customer = Fixtures.customer(Fixtures.unique("Relay"));
        UUID appointment = Fixtures.appointment(customer, Fixtures.vehicle(customer),
                Instant.now().truncatedTo(ChronoUnit.HOURS).plus(5000, ChronoUnit.DAYS), "SCHEDULED");
        UUID rolledBack = Fixtures.appointment(customer, Fixtures.vehicle(customer),
                Instant.now().truncatedTo(ChronoUnit.HOURS).plus(5001, ChronoUnit.DAYS), "SCHEDULED");
        try (Connection listener = Sql.connect(); Connection writer = Sql.connect()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + DatabaseEvents.CHANNEL);
            }
            // the fixtures' own announcements are relayed first
            Announcements.awaitRelayed(appointment.toString());
            Announcements.awaitRelayed(rolledBack.toString());
            payloads(listener);
            writer.setAutoCommit(false);
            try (PreparedStatement write = writer.prepareStatement("UPDATE appointments SET title = 'Relayed' WHERE id = ?")) {
                write.setObject(1, rolledBack);
                write.executeUpdate();
                // queued inside the writing transaction, so it leaves only if the transaction commits
                assertThat(count(writer, rolledBack)).isEqualTo(1);
                writer.rollback();
                write.setObject(1, appointment);
                write.executeUpdate();
                writer.commit();
            }

            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.stream().noneMatch(payload -> payload.contains(appointment.toString()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
                received.addAll(payloads(listener));
            }
            Thread.sleep(300); // a few more relay intervals: nothing else of these two may arrive
            received.addAll(payloads(listener));

            assertThat(received).filteredOn(payload -> payload.contains(appointment.toString())).hasSize(1);
            assertThat(received).noneMatch(payload -> payload.contains(rolledBack.toString()));
            assertThat(count(writer, appointment)).isZero();
        }
    }

    /** Queued announcements that mention {@code id}, as {@code connection}'s transaction sees them. */
    private static long count(Connection connection, UUID id) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM pending_announcements WHERE strpos(payload, ?) > 0")) {
            query.setString(1, id.toString());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> payloads(Connection listener) throws Exception {
        try (Statement poll = listener.createStatement()) {
            poll.execute("SELECT 1"); // the driver reads pending notifications with the next answer
        }
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications();
        List<String> payloads = new ArrayList<>();
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }
}
