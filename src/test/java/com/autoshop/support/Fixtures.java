package com.autoshop.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows arranged straight in the database, each with values unique to the run (names, VINs, plates),
 * so that test classes never see each other's data whatever order they run in.
 */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }

    public static String vin() {
        StringBuilder vin = new StringBuilder(17);
        for (int i = 0; i < 17; i++) {
            vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
        }
        return vin.toString();
    }

    /**
     * A client address unique to the run, from the benchmarking range 198.18.0.0/15 (RFC 2544), to send
     * as X-Forwarded-For so that login attempts of one test never count against another's address.
     */
    public static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    public static String plate() {
        StringBuilder plate = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            plate.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
        }
        return plate.toString();
    }

    public static UUID customer(String name) {
        UUID id = UUID.randomUUID();
        Sql.update("INSERT INTO customers (id, name, email) VALUES (?, ?, ?)", id, name,
                name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.com");
        return id;
    }

    public static UUID vehicle(UUID customerId) {
        UUID id = UUID.randomUUID();
        Sql.update("""
                INSERT INTO vehicles (id, customer_id, year, make, model, vin, license_plate)
                VALUES (?, ?, 2019, 'Honda', 'Civic', ?, ?)""", id, customerId, vin(), plate());
        return id;
    }

    public static UUID technician() {
        UUID id = UUID.randomUUID();
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            initials.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        Sql.update("INSERT INTO technicians (id, name, initials, active) VALUES (?, ?, ?, false)", id,
                unique("Tech"), initials.toString());
        return id;
    }

    /** An appointment of two hours starting at {@code startsAt}, with no technician. */
    public static UUID appointment(UUID customerId, UUID vehicleId, Instant startsAt, String status) {
        UUID id = UUID.randomUUID();
        Sql.update("""
                INSERT INTO appointments (id, customer_id, vehicle_id, status, starts_at, ends_at, title)
                VALUES (?, ?, ?, ?, ?, ?, 'Oil change')""", id, customerId, vehicleId, status,
                Timestamp.from(startsAt), Timestamp.from(startsAt.plus(2, ChronoUnit.HOURS)));
        return id;
    }

    /**
     * An appointment of a new customer and vehicle, in {@code status}, with one service line of
     * {@code totalCents} (its total) and nothing paid; a start time of its own far in the future.
     */
    public static UUID billable(long totalCents, String status) {
        UUID customer = customer(unique("Payer"));
        UUID appointment = appointment(customer, vehicle(customer),
                Instant.now().truncatedTo(ChronoUnit.HOURS).plus(400 + SEQUENCE.incrementAndGet(), ChronoUnit.DAYS), status);
        Sql.update("""
                INSERT INTO appointment_services (id, appointment_id, name, price_cents) VALUES (gen_random_uuid(), ?, 'Repair', ?)""",
                appointment, totalCents);
        Sql.update("UPDATE appointments SET total_cents = ? WHERE id = ?", totalCents, appointment);
        return appointment;
    }

    /**
     * {@code count} completed appointments of the vehicle, a day apart in the past, each with two
     * services, a payment and two messages; inserted set-wise in one statement.
     */
    public static void history(UUID customerId, UUID vehicleId, int count) {
        Sql.value("""
                WITH a AS (
                    INSERT INTO appointments (id, customer_id, vehicle_id, status, starts_at, ends_at, title,
                                              total_cents, paid_cents)
                    SELECT gen_random_uuid(), ?, ?, 'COMPLETED', ts, ts + interval '2 hours', 'Service', 6000, 6000
                    FROM (SELECT date_trunc('hour', now()) - g * interval '1 day' AS ts FROM generate_series(1, ?) g) days
                    RETURNING id
                ), s AS (
                    INSERT INTO appointment_services (id, appointment_id, name, price_cents, estimated_hours)
                    SELECT gen_random_uuid(), a.id, item.name, item.price, item.hours
                    FROM a CROSS JOIN (VALUES ('Oil change', 4000, 0.5), ('Filter', 2000, 0.25)) item(name, price, hours)
                    RETURNING 1
                ), p AS (
                    INSERT INTO payments (id, appointment_id, amount_cents, method, created_by)
                    SELECT gen_random_uuid(), a.id, 6000, 'card', 'staff:test' FROM a
                    RETURNING 1
                ), m AS (
                    INSERT INTO messages (id, appointment_id, channel, direction, body, status)
                    SELECT gen_random_uuid(), a.id, 'sms', msg.direction, msg.body, 'delivered'
                    FROM a CROSS JOIN (VALUES ('out', 'Your car is ready'), ('in', 'Thanks!')) msg(direction, body)
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM p) + (SELECT count(*) FROM m)""",
                customerId, vehicleId, count);
    }

    public static void details(UUID appointmentId) {
        Sql.update("""
                INSERT INTO appointment_services (id, appointment_id, name, price_cents, estimated_hours)
                VALUES (gen_random_uuid(), ?, 'Oil change', 4000, 0.5), (gen_random_uuid(), ?, 'Filter', 2000, 0.25)""",
                appointmentId, appointmentId);
        Sql.update("UPDATE appointments SET total_cents = 6000, paid_cents = 6000 WHERE id = ?", appointmentId);
        Sql.update("""
                INSERT INTO payments (id, appointment_id, amount_cents, method, created_by)
                VALUES (gen_random_uuid(), ?, 6000, 'card', 'staff:test')""", appointmentId);
        Sql.update("""
                INSERT INTO messages (id, appointment_id, channel, direction, body, status)
                VALUES (gen_random_uuid(), ?, 'sms', 'out', 'Your car is ready', 'delivered'),
                       (gen_random_uuid(), ?, 'sms', 'in', 'Thanks!', 'delivered')""", appointmentId, appointmentId);
    }
}
