-- Phase 2c: messages, straight from the appointment staging (runs while phase 2b stages the money).
\ir settings.sql

-- Messages for the most recent visits (as many as it takes to reach about `messages` rows):
-- 1 booking confirmation, 2 the customer's SMS reply (30 %), 3 the reminder the day before
-- (queued in the outbox while it is in the future), 4 "your car is ready", 5 the emailed receipt
-- (half of the completed visits). Texts only go to a phone whose owner did not deny SMS consent,
-- otherwise by email; 3 % of the sent ones failed.
CREATE UNLOGGED TABLE load_stage.msg_window AS
SELECT starts_at AS since FROM load_stage.appt
ORDER BY starts_at DESC, an OFFSET (SELECT least(p.n_appt - 1, floor(p.n_msg / 3.35))::int FROM load_stage.params p) LIMIT 1;
ANALYZE load_stage.msg_window;

CREATE UNLOGGED TABLE load_stage.msg_src WITH (autovacuum_enabled = off) AS
SELECT a.an, a.id, a.status, a.title, a.created_at, a.ends_at, a.completed_at, a.check_out_at, a.r_msg,
       to_char(a.starts_at, 'Dy Mon FMDD "at" FMHH12:MI AM') AS at_text,
       a.starts_at - interval '1 day' AS due,
       CASE WHEN c.phone IS NOT NULL AND c.sms_consent <> 'denied' THEN 'sms'
            WHEN c.email IS NOT NULL THEN 'email' END AS ch,
       c.email IS NOT NULL AS has_email
FROM load_stage.appt a
JOIN load_stage.customer c ON c.n = a.cust_n
WHERE a.starts_at >= (SELECT since FROM load_stage.msg_window);
ANALYZE load_stage.msg_src;

INSERT INTO messages (id, appointment_id, channel, direction, body, status, failure_reason, attempts, next_attempt_at,
                      provider_ref, sent_at, created_at, updated_at, created_by)
SELECT load_stage.v7(m.created_at, p.seed * 64 + 28, m.an * 8 + m.kind),
       m.id, m.channel, m.direction, m.body, m.status,
       CASE WHEN m.status = 'failed' THEN
            (ARRAY['Carrier rejected the message: unreachable destination (30003)',
                   'Mailbox unavailable (550 5.1.1 user unknown)',
                   'Carrier rejected the message: landline (30006)'])[1 + floor(m.rf * 100)::int % 3] END,
       CASE m.status WHEN 'failed' THEN 3 WHEN 'queued' THEN 0 ELSE CASE m.direction WHEN 'out' THEN 1 ELSE 0 END END,
       CASE WHEN m.status = 'queued' THEN m.due END,
       CASE WHEN m.status = 'delivered' THEN
            CASE m.channel WHEN 'sms' THEN 'SM' ELSE 'em-' END
            || lpad(to_hex(hashint8extended(m.an * 8 + m.kind, p.seed * 64 + 30)), 16, '0')
            || lpad(to_hex(hashint8extended(m.an * 8 + m.kind, p.seed * 64 + 31)), 16, '0') END,
       CASE WHEN m.status = 'delivered' THEN m.created_at + interval '3 seconds' END,
       m.created_at,
       m.created_at + CASE m.status WHEN 'delivered' THEN interval '8 seconds' WHEN 'failed' THEN interval '15 minutes'
                                    ELSE interval '0 seconds' END,
       CASE WHEN m.direction = 'out' AND m.kind IN (1, 4) THEN 'staff:10ad0000-0000-7000-8000-000000000002' END
FROM (
    SELECT x.*, CASE WHEN x.kind = 3 AND x.due > p.anchor THEN 'queued'
                     WHEN x.direction = 'out' AND x.rf < 0.03 THEN 'failed'
                     ELSE 'delivered' END AS status
    FROM (
        SELECT a.an, k AS kind, a.id, a.due,
               CASE k WHEN 2 THEN 'sms' WHEN 5 THEN 'email' ELSE a.ch END AS channel,
               CASE k WHEN 2 THEN 'in' ELSE 'out' END AS direction,
               CASE k
                 WHEN 1 THEN 'Your appointment for ' || a.title || ' is booked for ' || a.at_text
                             || '. Reply C to confirm or call us to reschedule.'
                 WHEN 2 THEN (ARRAY['C', 'C - thanks!', 'Confirmed, see you then', 'Can I drop it off the night before?',
                                    'Running 10 minutes late', 'Is a loaner available?'])[1 + floor(a.r_msg * 20)::int]
                 WHEN 3 THEN 'Reminder: ' || a.title || ' tomorrow, ' || a.at_text || '. Reply C to confirm.'
                 WHEN 4 THEN 'Good news: your car is ready for pickup (' || a.title || ').'
                 ELSE 'Thank you for your visit! Your receipt for ' || a.title || ' is attached.' END AS body,
               CASE k
                 WHEN 1 THEN a.created_at + interval '1 minute'
                 WHEN 2 THEN a.created_at + interval '20 minutes'
                 WHEN 3 THEN CASE WHEN a.due > p.anchor THEN a.created_at + interval '2 minutes' ELSE a.due END
                 WHEN 4 THEN coalesce(a.completed_at, a.ends_at)
                 ELSE least(p.anchor - interval '1 minute', a.check_out_at + interval '2 minutes') END AS created_at,
               a.r_msg * (k * 7919 + 13) - floor(a.r_msg * (k * 7919 + 13)) AS rf
        FROM load_stage.msg_src a
        CROSS JOIN load_stage.params p
        JOIN generate_series(1, 5) AS k
          ON k = 1 AND a.ch IS NOT NULL
          OR k = 2 AND a.ch = 'sms' AND a.r_msg < 0.3 AND a.status <> 'CANCELED'
          OR k = 3 AND a.ch IS NOT NULL AND a.status <> 'CANCELED' AND a.due > a.created_at + interval '1 hour'
          OR k = 4 AND a.ch IS NOT NULL AND a.status IN ('READY', 'COMPLETED')
          OR k = 5 AND a.has_email AND a.status = 'COMPLETED' AND a.r_msg >= 0.5
    ) x, load_stage.params p
) m, load_stage.params p
ORDER BY 1;

