-- =============================================================================================
--  DEV-ONLY DEMO DATA. NEVER LOAD IN PRODUCTION.
--
--  Only the dev profile reads the location db/demo (%dev.quarkus.flyway.locations), after the
--  versioned migrations. The staff and customer logins below have PUBLICLY KNOWN PASSWORDS
--  (they are printed in this file and in the docs):
--
--      owner@demo.autoshop       Owner        owner-demo-2026
--      advisor@demo.autoshop     Advisor      advisor-demo-2026
--      tech@demo.autoshop        Tech         tech-demo-2026
--      accountant@demo.autoshop  Accountant   accountant-demo-2026
--      customer@demo.autoshop    (customer)   customer-demo-2026    -> customer Dana Brooks
--
--  Hashes: bcrypt, cost 10, made with io.quarkus.elytron.security.common.BcryptUtil.bcryptHash
--  and checked with ModularCrypt.decode + PasswordFactory("bcrypt").verify.
--
--  Contents: 6 technicians, 20 customers, 34 vehicles (one sold = soft-deleted), 72 appointments
--  in every status with line items, payments (one voided, one refunded deposit, some balances
--  due) and SMS/email messages (delivered, failed, queued reminders, one being sent, replies).
--  Times are relative to the moment the migration runs (now(), shop time zone UTC): today's jobs
--  sit around the current hour (done ones before it, booked ones after it), others earlier this
--  week, in the coming two weeks, months ago, and more than 180 days ago (three customers are
--  overdue for service).
--
--  Idempotent: fixed ids (de00000K-0000-7000-8000-...) and ON CONFLICT DO NOTHING everywhere.
--  Line items, payments and messages are only inserted together with an appointment inserted by
--  the same run, so totals and paid amounts stay equal to the sums even when Flyway re-runs this
--  file (it does so whenever the file changes) on a database where the demo was edited through
--  the API. Payments are append-only (a trigger refuses UPDATE/DELETE), so nothing is ever
--  deleted or updated here. Dates are fixed at the first run: to move them to "now" again, drop
--  the dev database (or flyway clean) and restart.
--
--  No BEGIN/COMMIT: Flyway runs the file in one transaction (psql: use --single-transaction).
-- =============================================================================================

-- Staging happens in session-local temporary tables (demo_*), dropped at the end of the file
-- (a failed run rolls back, taking them with it).

-- Staff logins ---------------------------------------------------------------------------------
INSERT INTO users (id, email, name, role, password_hash, active, created_at, updated_at) VALUES
    ('de000008-0000-7000-8000-000000000001', 'owner@demo.autoshop',      'Frank Miller', 'Owner',
     '$2a$10$aBhkVeesobf.wiMFAk4ILuTfybWi3gTPu2Orlq1JFvn2twmWbPbtu', true, now() - interval '400 days', now() - interval '400 days'),
    ('de000008-0000-7000-8000-000000000002', 'advisor@demo.autoshop',    'Rachel Adams', 'Advisor',
     '$2a$10$I1m1jiOEhmNN9K8Xoi3R3.DSA/hcfiqTtDEyrob6fTEwD6Y6LK8p6', true, now() - interval '400 days', now() - interval '400 days'),
    ('de000008-0000-7000-8000-000000000003', 'tech@demo.autoshop',       'Marco Reyes',  'Tech',
     '$2a$10$1e6twNPIuDgb47xE9kRfyuI1oDaKkjzgdMdpxusweXbExEPOv2Fna', true, now() - interval '400 days', now() - interval '400 days'),
    ('de000008-0000-7000-8000-000000000004', 'accountant@demo.autoshop', 'Linda Park',   'Accountant',
     '$2a$10$cKo7PvzMgnbuXfmKkxLPUuGu5KkACIy2gFcmc9t6JwVcJ/h7QiLYa', true, now() - interval '400 days', now() - interval '400 days')
ON CONFLICT DO NOTHING;

-- Technicians (T1 is the same person as the Tech login) ----------------------------------------
INSERT INTO technicians (id, name, initials, active, created_at, updated_at) VALUES
    ('de000001-0000-7000-8000-000000000001', 'Marco Reyes',     'MR', true, now() - interval '1100 days', now() - interval '1100 days'),
    ('de000001-0000-7000-8000-000000000002', 'Sarah Lindqvist', 'SL', true, now() - interval '1000 days', now() - interval '1000 days'),
    ('de000001-0000-7000-8000-000000000003', 'Tom Baker',       'TB', true, now() - interval '900 days',  now() - interval '900 days'),
    ('de000001-0000-7000-8000-000000000004', 'Jasmine Ortiz',   'JO', true, now() - interval '800 days',  now() - interval '800 days'),
    ('de000001-0000-7000-8000-000000000005', 'Kevin Osei',      'KO', true, now() - interval '700 days',  now() - interval '700 days'),
    ('de000001-0000-7000-8000-000000000006', 'Alex Novak',      'AN', true, now() - interval '300 days',  now() - interval '300 days')
ON CONFLICT DO NOTHING;

-- Appointment plan -----------------------------------------------------------------------------
-- day NULL: today, `at` is an offset from the current hour (UTC); otherwise `at` is the time of day
-- (UTC) `day` days from today. cust/veh/tech are the demo numbers (tech NULL = unassigned).
-- pay: full | split (cash + rest) | partial (half) | void (card voided, then cash) |
--      deposit (50.00 up front) | refund (deposit, then voided) | none
CREATE TEMP TABLE demo_plan (
    n int PRIMARY KEY, cust int, veh int, tech int, status text, day int, at interval, hours numeric,
    job text, pay text, method text, notes text);
INSERT INTO demo_plan VALUES
    -- today
    ( 1,  1,  1,    1, 'READY',       NULL, '-5 hours', 2, 'BRK',   'deposit', 'card', 'Customer picks up after work'),
    ( 2,  2,  3,    1, 'IN_PROGRESS', NULL, '-2 hours', 3, 'MAJ',   'none',    NULL,   NULL),
    ( 3,  5,  8,    2, 'COMPLETED',   NULL, '-6 hours', 2, 'FLEET', 'full',    'ach',  'Fleet account: invoice Chen Plumbing'),
    ( 4,  5,  9,    2, 'IN_PROGRESS', NULL, '-3 hours', 4, 'FLEET', 'none',    NULL,   'Fleet account: invoice Chen Plumbing'),
    ( 5,  7, 12,    3, 'READY',       NULL, '-4 hours', 2, 'SUSP',  'none',    NULL,   NULL),
    ( 6,  4,  7,    3, 'SCHEDULED',   NULL, '+1 hours', 2, 'EVS',   'none',    NULL,   NULL),
    ( 7,  9, 15,    4, 'IN_PROGRESS', NULL, '-1 hours', 2, 'DIAGF', 'none',    NULL,   'Misfire under load, cylinder 3 suspected'),
    ( 8, 11, 18,    4, 'SCHEDULED',   NULL, '+2 hours', 2, 'OIL',   'none',    NULL,   NULL),
    ( 9, 14, 22,    5, 'NO_SHOW',     NULL, '-3 hours', 1, 'OIL',   'none',    NULL,   NULL),
    (10, 12, 20,    5, 'SCHEDULED',   NULL, '+1 hours', 2, 'TIR',   'none',    NULL,   NULL),
    (11, 17, 26,    6, 'COMPLETED',   NULL, '-5 hours', 2, 'BAT',   'full',    'card', NULL),
    (12, 16, 25,    6, 'CANCELED',    NULL, '+3 hours', 2, 'OIL',   'none',    NULL,   'Customer called: out of town'),
    (13,  8, 14, NULL, 'SCHEDULED',   NULL, '+3 hours', 2, 'INSP',  'none',    NULL,   NULL),
    (14, 13, 21,    6, 'SCHEDULED',   NULL, '+2 hours', 2, 'AC',    'none',    NULL,   'Waiting customer'),
    -- earlier this week
    (15,  6, 11,    1, 'COMPLETED',   -1, '08:00', 2, 'TIR',   'full',    'card', NULL),
    (16, 10, 17,    2, 'COMPLETED',   -1, '10:00', 2, 'BRK',   'void',    'card', NULL),
    (17, 15, 24,    3, 'COMPLETED',   -1, '13:00', 2, 'EVS',   'full',    'card', NULL),
    (18,  3,  5,    4, 'READY',       -1, '08:00', 4, 'TIRN',  'none',    NULL,   'VIP: wash before pickup'),
    (19, 11, 19,    5, 'NO_SHOW',     -1, '15:00', 2, 'OIL',   'none',    NULL,   NULL),
    (20, 12, 34,    1, 'COMPLETED',   -2, '13:00', 2, 'DIAG',  'partial', 'card', 'Balance due at next visit'),
    (21,  9, 16,    2, 'COMPLETED',   -2, '08:00', 2, 'OIL',   'full',    'card', NULL),
    (22,  2,  4,    3, 'COMPLETED',   -2, '10:00', 4, 'TIMB',  'split',   'card', NULL),
    (23, 17, 27,    4, 'CANCELED',    -2, '08:00', 2, 'WIP',   'none',    NULL,   NULL),
    (24,  1,  2,    5, 'COMPLETED',   -3, '10:00', 2, 'WIP',   'full',    'card', NULL),
    (25,  6, 33,    6, 'COMPLETED',   -3, '13:00', 2, 'BAT',   'none',    NULL,   'Unpaid: customer will pay by phone'),
    (26, 13, 21,    1, 'COMPLETED',   -4, '08:00', 2, 'OIL',   'full',    'cash', NULL),
    (27, 14, 23, NULL, 'COMPLETED',   -4, '10:00', 2, 'INSP',  'full',    'card', NULL),
    (28,  5, 10,    6, 'COMPLETED',   -4, '13:00', 3, 'SUSP',  'full',    'ach',  'Fleet account: invoice Chen Plumbing'),
    -- coming days
    (29,  1,  2,    1, 'SCHEDULED',    3, '10:00', 2, 'TIR',   'none',    NULL,   NULL),
    (30,  3,  6,    2, 'SCHEDULED',    1, '08:00', 2, 'OIL',   'none',    NULL,   'VIP: loaner car requested'),
    (31,  8, 14,    3, 'SCHEDULED',    1, '10:00', 2, 'BRK',   'deposit', 'card', NULL),
    (32, 10, 17,    4, 'SCHEDULED',    2, '13:00', 2, 'OIL',   'none',    NULL,   NULL),
    (33, 16, 25,    5, 'SCHEDULED',    2, '08:00', 2, 'OIL',   'none',    NULL,   'Rebooked after cancellation'),
    (34, 12, 20, NULL, 'SCHEDULED',    2, '10:00', 1, 'EST',   'none',    NULL,   'Rear bumper scrape: estimate only'),
    (35, 15, 24,    6, 'SCHEDULED',    5, '08:00', 2, 'TIR',   'none',    NULL,   NULL),
    (36, 11, 18,    1, 'CANCELED',     5, '13:00', 2, 'BRK',   'refund',  'card', 'Deposit refunded'),
    (37,  5,  9,    2, 'SCHEDULED',    7, '08:00', 2, 'FLEET', 'none',    NULL,   'Fleet account: invoice Chen Plumbing'),
    (38,  9, 15,    3, 'SCHEDULED',    9, '13:00', 3, 'SUSP',  'deposit', 'card', NULL),
    (39, 14, 22,    4, 'SCHEDULED',   12, '08:00', 2, 'OIL',   'none',    NULL,   'Rebooked after no-show'),
    (40,  2,  3, NULL, 'SCHEDULED',   14, '10:00', 1, 'INSP',  'none',    NULL,   NULL),
    -- months ago
    (41,  1,  1,    2, 'COMPLETED',  -35, '09:00', 2, 'OIL',   'full',    'card', NULL),
    (42,  1,  1,    3, 'COMPLETED', -120, '13:00', 3, 'TIRN',  'full',    'card', NULL),
    (43,  2,  3,    1, 'COMPLETED',  -60, '10:00', 2, 'OIL',   'full',    'card', NULL),
    (44,  3,  5,    4, 'COMPLETED',  -21, '08:00', 2, 'OIL',   'full',    'card', NULL),
    (45,  3,  5,    5, 'COMPLETED', -150, '08:00', 4, 'BRK',   'full',    'card', NULL),
    (46,  4,  7,    6, 'COMPLETED',  -90, '13:00', 2, 'TIR',   'full',    'card', NULL),
    (47,  5,  8,    1, 'COMPLETED',  -49, '08:00', 2, 'FLEET', 'full',    'ach',  NULL),
    (48,  5,  9,    1, 'COMPLETED',  -49, '10:00', 2, 'FLEET', 'full',    'ach',  NULL),
    (49,  5, 10,    2, 'COMPLETED',  -49, '13:00', 3, 'BRK',   'full',    'ach',  NULL),
    (50,  6, 11,    3, 'NO_SHOW',    -63, '10:00', 2, 'OIL',   'none',    NULL,   NULL),
    (51,  7, 12,    4, 'COMPLETED',  -70, '08:00', 2, 'DIAG',  'full',    'cash', NULL),
    (52,  8, 14,    5, 'COMPLETED', -100, '10:00', 2, 'OIL',   'full',    'card', NULL),
    (53,  9, 15,    6, 'COMPLETED', -130, '08:00', 2, 'AC',    'full',    'card', NULL),
    (54, 10, 17,    1, 'COMPLETED', -170, '13:00', 2, 'OIL',   'full',    'cash', NULL),
    (55, 12, 20,    2, 'CANCELED',   -40, '10:00', 2, 'OIL',   'none',    NULL,   NULL),
    (56, 15, 24,    3, 'COMPLETED', -160, '08:00', 2, 'EVS',   'full',    'card', NULL),
    (57, 17, 26,    4, 'COMPLETED', -110, '13:00', 2, 'BRK',   'full',    'card', NULL),
    (58, 16, 25,    5, 'COMPLETED',  -45, '10:00', 2, 'OIL',   'full',    'other', 'Paid with shop gift card'),
    (59, 11, 18,    6, 'COMPLETED',  -80, '10:00', 2, 'MAJ',   'full',    'card', NULL),
    (60, 13, 21, NULL, 'COMPLETED', -140, '08:00', 2, 'EXH',   'full',    'cash', NULL),
    -- more than 180 days ago (customers 18, 19 and 20 are overdue for service)
    (61, 18, 28,    1, 'COMPLETED', -200, '08:00', 2, 'OIL',   'full',    'card', NULL),
    (62, 18, 28,    2, 'COMPLETED', -420, '10:00', 3, 'BRK',   'full',    'card', NULL),
    (63, 19, 29,    3, 'COMPLETED', -230, '08:00', 2, 'DIAGF', 'full',    'cash', NULL),
    (64, 19, 30,    4, 'COMPLETED', -300, '13:00', 2, 'TRN',   'full',    'card', NULL),
    (65, 19, 29,    5, 'CANCELED',  -250, '10:00', 2, 'OIL',   'none',    NULL,   NULL),
    (66, 20, 31,    6, 'COMPLETED', -190, '10:00', 3, 'MAJ',   'full',    'card', NULL),
    (67, 20, 32,    1, 'COMPLETED', -700, '08:00', 6, 'TIMB',  'full',    'card', NULL),
    (68,  2,  4,    2, 'COMPLETED', -365, '13:00', 2, 'BRK',   'full',    'card', NULL),
    (69,  3,  5,    3, 'COMPLETED', -400, '08:00', 2, 'OIL',   'full',    'card', NULL),
    (70,  1,  1,    4, 'COMPLETED', -540, '10:00', 4, 'MAJ',   'split',   'card', NULL),
    (71,  6, 11,    5, 'COMPLETED', -260, '13:00', 2, 'OIL',   'full',    'card', NULL),
    (72,  9, 16, NULL, 'NO_SHOW',   -220, '08:00', 2, 'OIL',   'none',    NULL,   NULL);

-- The shop's service menu: a job is 1-3 line items (EST has none yet: total 0) ----------------------
CREATE TEMP TABLE demo_job (job text, title text, k int, name text, hours numeric(6, 2), price_cents bigint, category text);
INSERT INTO demo_job VALUES
    ('OIL',   'Oil change and inspection',       1, 'Full synthetic oil and filter change',   0.50,   8999, 'Maintenance'),
    ('OIL',   'Oil change and inspection',       2, 'Multi-point inspection',                  0.30,      0, 'Inspection'),
    ('BRK',   'Brake service',                   1, 'Front brake pads and rotors',             2.00,  42900, 'Brakes'),
    ('BRK',   'Brake service',                   2, 'Brake fluid flush',                       0.50,  11900, 'Brakes'),
    ('TIR',   'Tire rotation and balance',       1, 'Tire rotation and balance',               0.80,   7999, 'Tires'),
    ('TIRN',  'New tires and alignment',         1, 'All-season tires (set of 4)',             0.00,  72000, 'Tires'),
    ('TIRN',  'New tires and alignment',         2, 'Mount and balance (4 tires)',             1.00,  10000, 'Tires'),
    ('TIRN',  'New tires and alignment',         3, 'Four-wheel alignment',                    1.00,  12999, 'Suspension'),
    ('DIAG',  'Check engine light',              1, 'Diagnostic scan and road test',           1.00,  14900, 'Diagnostics'),
    ('DIAGF', 'Check engine light: misfire',     1, 'Diagnostic scan and road test',           1.00,  14900, 'Diagnostics'),
    ('DIAGF', 'Check engine light: misfire',     2, 'Ignition coil replacement (cylinder 3)',  0.80,  21450, 'Engine'),
    ('DIAGF', 'Check engine light: misfire',     3, 'Spark plugs (set of 4)',                  1.00,  18900, 'Engine'),
    ('AC',    'A/C not cooling',                 1, 'A/C performance check',                   0.50,   8900, 'HVAC'),
    ('AC',    'A/C not cooling',                 2, 'Refrigerant evacuate and recharge',       1.00,  19900, 'HVAC'),
    ('BAT',   'Battery replacement',             1, 'Battery and charging system test',        0.20,      0, 'Electrical'),
    ('BAT',   'Battery replacement',             2, 'AGM battery, installed',                  0.50,  24900, 'Electrical'),
    ('MAJ',   '60,000-mile service',             1, '60,000-mile factory service',             2.50,  54900, 'Maintenance'),
    ('MAJ',   '60,000-mile service',             2, 'Cabin and engine air filters',            0.30,   7400, 'Maintenance'),
    ('MAJ',   '60,000-mile service',             3, 'Coolant flush',                           1.00,  15900, 'Fluids'),
    ('TIMB',  'Timing belt and water pump',      1, 'Timing belt and water pump',              5.50, 118000, 'Engine'),
    ('TIMB',  'Timing belt and water pump',      2, 'Coolant flush',                           1.00,  15900, 'Fluids'),
    ('TIMB',  'Timing belt and water pump',      3, 'Serpentine belt',                         0.50,   8900, 'Engine'),
    ('SUSP',  'Front suspension noise',          1, 'Suspension inspection',                   0.50,   7500, 'Suspension'),
    ('SUSP',  'Front suspension noise',          2, 'Front struts (pair)',                     3.00,  98000, 'Suspension'),
    ('SUSP',  'Front suspension noise',          3, 'Four-wheel alignment',                    1.00,  12999, 'Suspension'),
    ('INSP',  'State safety inspection',         1, 'State safety inspection',                 0.50,   3500, 'Inspection'),
    ('EVS',   'EV annual service',               1, 'High-voltage battery health check',       0.50,   9900, 'Electrical'),
    ('EVS',   'EV annual service',               2, 'Cabin air filter',                        0.30,   6500, 'Maintenance'),
    ('EVS',   'EV annual service',               3, 'Brake fluid moisture test',               0.20,      0, 'Brakes'),
    ('TRN',   'Transmission service',            1, 'Transmission fluid exchange',             1.50,  27900, 'Fluids'),
    ('WIP',   'Wipers and lights',               1, 'Wiper blades (pair)',                     0.20,   4900, 'Maintenance'),
    ('WIP',   'Wipers and lights',               2, 'Headlight bulb replacement',              0.30,   3900, 'Electrical'),
    ('EXH',   'Exhaust rattle',                  1, 'Exhaust heat shield repair',              1.00,  16500, 'Exhaust'),
    ('FLEET', 'Fleet preventive maintenance',    1, 'Fleet preventive maintenance',            1.50,  19900, 'Maintenance'),
    ('FLEET', 'Fleet preventive maintenance',    2, 'DOT inspection',                          0.50,   8500, 'Inspection'),
    ('EST',   'Body work estimate',              0, NULL,                                      NULL,     NULL, NULL);

-- Appointments with their times, derived from the plan and the status --------------------------
CREATE TEMP TABLE demo_appt AS
WITH anchor AS (
    SELECT date_trunc('day', now(), 'UTC') AS d0, date_trunc('hour', now(), 'UTC') AS p
), placed AS (
    SELECT pl.*,
           CASE WHEN pl.day IS NULL THEN a.p + pl.at
                ELSE a.d0 + make_interval(hours => 24 * pl.day) + pl.at END AS starts_at
    FROM demo_plan pl CROSS JOIN anchor a
), timed AS (
    SELECT p.*,
           p.starts_at + make_interval(mins => (p.hours * 60)::int) AS ends_at,
           least(p.starts_at - make_interval(days => 3 + p.n % 9),
                 now() - make_interval(hours => 1 + p.n % 5, mins => p.n)) AS created_at
    FROM placed p
)
SELECT t.n,
       ('de000004-0000-7000-8000-' || lpad(t.n::text, 12, '0'))::uuid AS id,
       ('de000002-0000-7000-8000-' || lpad(t.cust::text, 12, '0'))::uuid AS customer_id,
       ('de000003-0000-7000-8000-' || lpad(t.veh::text, 12, '0'))::uuid AS vehicle_id,
       ('de000001-0000-7000-8000-' || lpad(t.tech::text, 12, '0'))::uuid AS technician_id,
       t.cust, t.status, t.starts_at, t.ends_at, t.job, t.pay, t.method, t.notes,
       (SELECT min(j.title) FROM demo_job j WHERE j.job = t.job) AS title,
       -- a board column is one status on one shop day (UTC): positions 0..n-1 in start order
       row_number() OVER (PARTITION BY t.status, (t.starts_at AT TIME ZONE 'UTC')::date ORDER BY t.starts_at, t.n) - 1 AS position,
       CASE WHEN t.status IN ('IN_PROGRESS', 'READY', 'COMPLETED') THEN t.starts_at - interval '10 minutes' END AS check_in_at,
       CASE WHEN t.status IN ('IN_PROGRESS', 'READY', 'COMPLETED') THEN t.starts_at + interval '10 minutes' END AS started_at,
       CASE WHEN t.status = 'COMPLETED' THEN t.ends_at - interval '15 minutes' END AS completed_at,
       CASE WHEN t.status = 'COMPLETED' THEN t.ends_at + interval '30 minutes' END AS check_out_at,
       -- when the car was reported ready (READY and COMPLETED)
       CASE WHEN t.status IN ('READY', 'COMPLETED') THEN t.ends_at - interval '15 minutes' END AS ready_at,
       t.created_at,
       CASE t.status WHEN 'SCHEDULED' THEN 0 WHEN 'IN_PROGRESS' THEN 2 WHEN 'READY' THEN 3
                     WHEN 'COMPLETED' THEN 5 ELSE 1 END AS version
FROM timed t;

CREATE TEMP TABLE demo_item AS
SELECT ('de000005-0000-7000-8000-' || lpad(a.n::text, 8, '0') || lpad(j.k::text, 4, '0'))::uuid AS id,
       a.id AS appointment_id, j.name, j.hours AS estimated_hours, j.price_cents, j.category,
       a.created_at + make_interval(secs => j.k) AS created_at
FROM demo_appt a JOIN demo_job j ON j.job = a.job
WHERE j.name IS NOT NULL;

-- Payments: planned from the appointment total (sum of its items) ------------------------------
CREATE TEMP TABLE demo_pay (
    id uuid, appointment_id uuid, amount_cents bigint, method text, note text, voids_payment_id uuid,
    created_at timestamptz, created_by text);
INSERT INTO demo_pay
WITH a AS (
    SELECT a.*, (SELECT coalesce(sum(i.price_cents), 0) FROM demo_item i WHERE i.appointment_id = a.id) AS total,
           coalesce(a.check_out_at - interval '5 minutes', a.created_at + interval '30 minutes') AS paid_at
    FROM demo_appt a
), planned (n, k, appointment_id, amount_cents, method, note, voids_k, created_at, by_user) AS (
    SELECT n, 1, id, total, method, NULL, NULL::int, paid_at, 2 FROM a WHERE pay = 'full'
    UNION ALL SELECT n, 1, id, 10000, 'cash', NULL, NULL, paid_at, 2 FROM a WHERE pay = 'split'
    UNION ALL SELECT n, 2, id, total - 10000, method, NULL, NULL, paid_at + interval '1 minute', 2 FROM a WHERE pay = 'split'
    UNION ALL SELECT n, 1, id, total / 2, method, 'Partial payment, balance due', NULL, paid_at, 2 FROM a WHERE pay = 'partial'
    UNION ALL SELECT n, 1, id, total, 'card', NULL, NULL, paid_at, 2 FROM a WHERE pay = 'void'
    UNION ALL SELECT n, 2, id, -total, 'card', 'Void: card charged twice by the terminal', 1, paid_at + interval '10 minutes', 4 FROM a WHERE pay = 'void'
    UNION ALL SELECT n, 3, id, total, 'cash', NULL, NULL, paid_at + interval '12 minutes', 2 FROM a WHERE pay = 'void'
    UNION ALL SELECT n, 1, id, 5000, method, 'Deposit', NULL, a.created_at + interval '30 minutes', 2 FROM a WHERE pay IN ('deposit', 'refund')
    UNION ALL SELECT n, 2, id, -5000, method, 'Deposit refunded: appointment canceled', 1, a.created_at + interval '50 minutes', 4 FROM a WHERE pay = 'refund'
)
SELECT ('de000006-0000-7000-8000-' || lpad(n::text, 8, '0') || lpad(k::text, 4, '0'))::uuid,
       appointment_id, amount_cents, method, note,
       ('de000006-0000-7000-8000-' || lpad(n::text, 8, '0') || lpad(voids_k::text, 4, '0'))::uuid,
       created_at, 'staff:de000008-0000-7000-8000-00000000000' || by_user
FROM planned;

-- Customers ------------------------------------------------------------------------------------
-- created a month before their first appointment
INSERT INTO customers (id, name, email, phone, address, notes, tags, is_vip, sms_consent, created_at, updated_at)
SELECT ('de000002-0000-7000-8000-' || lpad(c.n::text, 12, '0'))::uuid, c.name, c.email, c.phone, c.address, c.notes,
       c.tags::text[], c.vip, c.consent, s.since, s.since
FROM (VALUES
    ( 1, 'Dana Brooks',     'customer@demo.autoshop',        '+15035550100', '1420 SE Belmont St, Portland, OR 97214',   'Demo customer login (customer-demo-2026).', '{}', false, 'granted'),
    ( 2, 'Maria Gonzalez',  'maria.gonzalez@example.com',    '+15035550101', '3318 NE Alberta St, Portland, OR 97211',   NULL, '{}', false, 'granted'),
    ( 3, 'James Whitaker',  'james.whitaker@example.net',    '+15035550102', '88 SW Hillcrest Dr, Portland, OR 97221',   'Prefers a loaner car.', '{vip}', true, 'granted'),
    ( 4, 'Aisha Patel',     'aisha.patel@example.com',       '+15035550103', '2150 NW Lovejoy St, Portland, OR 97210',   NULL, '{ev}', false, 'unknown'),
    ( 5, 'Robert Chen',     'fleet@chenplumbing.example',    '+15035550104', '7700 SE Foster Rd, Portland, OR 97206',    'Chen Plumbing LLC: three work vans, monthly invoice, pays by ACH.', '{fleet,net-30}', true, 'granted'),
    ( 6, 'Emily Nguyen',    'emily.nguyen@example.org',      '+15035550105', '540 N Killingsworth St, Portland, OR 97217', NULL, '{}', false, 'granted'),
    ( 7, 'Michael O''Brien', 'michael.obrien@example.com',   '+15035550106', '1201 SE Division St, Portland, OR 97202',  NULL, '{}', false, 'unknown'),
    ( 8, 'Sofia Rossi',     'sofia.rossi@example.com',       '+15035550107', '415 NE 28th Ave, Portland, OR 97232',      NULL, '{}', false, 'granted'),
    ( 9, 'David Kim',       'david.kim@example.net',         '+15035550108', '9020 SW Barbur Blvd, Portland, OR 97219',  NULL, '{}', false, 'granted'),
    (10, 'Olivia Martin',   'olivia.martin@example.com',     '+15035550109', '2611 SE Hawthorne Blvd, Portland, OR 97214', 'No text messages, email only.', '{}', false, 'denied'),
    (11, 'Daniel Schmidt',  'daniel.schmidt@example.org',    '+15035550110', '6130 N Interstate Ave, Portland, OR 97217', NULL, '{}', false, 'granted'),
    (12, 'Grace Okafor',    'grace.okafor@example.com',      '+15035550111', '1735 NE Broadway, Portland, OR 97232',     NULL, '{}', false, 'unknown'),
    (13, 'Ethan Walker',    NULL,                            '+15035550112', '4402 SE Woodstock Blvd, Portland, OR 97206', 'No email on file.', '{}', false, 'granted'),
    (14, 'Priya Raman',     'priya.raman@example.com',       '+15035550113', '300 NW 13th Ave, Portland, OR 97209',      NULL, '{}', false, 'granted'),
    (15, 'Lucas Silva',     'lucas.silva@example.net',       '+15035550114', '5218 NE Sandy Blvd, Portland, OR 97213',   NULL, '{ev}', false, 'granted'),
    (16, 'Hannah Lee',      'hannah.lee@example.com',        NULL,           '2025 SW Jefferson St, Portland, OR 97201', NULL, '{}', false, 'unknown'),
    (17, 'Noah Fischer',    'noah.fischer@example.org',      '+15035550116', '8125 SE 52nd Ave, Portland, OR 97206',     NULL, '{}', false, 'granted'),
    (18, 'Chloe Dubois',    'chloe.dubois@example.com',      '+15035550117', '1650 NE Fremont St, Portland, OR 97212',   NULL, '{}', false, 'granted'),
    (19, 'William Turner',  'william.turner@example.net',    '+15035550118', '3900 SE Milwaukie Ave, Portland, OR 97202', NULL, '{}', false, 'unknown'),
    (20, 'Zoe Anderson',    'zoe.anderson@example.com',      '+15035550119', '710 NW 23rd Ave, Portland, OR 97210',      'Sold the Accord; kept the Volvo.', '{}', false, 'granted')
) AS c (n, name, email, phone, address, notes, tags, vip, consent)
CROSS JOIN LATERAL (
    SELECT least(now(), coalesce(min(a.starts_at), now())) - interval '30 days' AS since
    FROM demo_appt a WHERE a.cust = c.n
) s
ON CONFLICT DO NOTHING;

-- The customer login (mobile app) of Dana Brooks
INSERT INTO customer_accounts (customer_id, email, password_hash, active, created_at, updated_at)
SELECT c.id, 'customer@demo.autoshop', '$2a$10$AD/4ODqO2jNKOcbvt9UUku2HDiuDYmuBFp6DbNNYTi4pDz4X3qG6u', true,
       c.created_at, c.created_at
FROM customers c WHERE c.id = 'de000002-0000-7000-8000-000000000001'
ON CONFLICT DO NOTHING;

-- Vehicles (VINs carry a valid check digit; vehicle 32 was sold: soft-deleted) -----------------------
INSERT INTO vehicles (id, customer_id, year, make, model, trim, color, vin, license_plate, mileage, is_primary,
                      created_at, updated_at, deleted_at)
SELECT ('de000003-0000-7000-8000-' || lpad(v.n::text, 12, '0'))::uuid, c.id, v.year, v.make, v.model, v.trim, v.color,
       v.vin, v.plate, v.mileage, v.is_primary, c.created_at + make_interval(mins => v.n), c.created_at + make_interval(mins => v.n),
       CASE WHEN v.sold THEN now() - interval '150 days' END
FROM (VALUES
    ( 1,  1, 2018, 'Subaru',     'Outback',        '2.5i Premium',   'Crystal Black',     '4S4BSAFC0JX258176', '8DNB412',  78450, true,  false),
    ( 2,  1, 2015, 'Mazda',      'MX-5 Miata',     'Club',           'Soul Red',          'JM1NDAC78F2782554', '7MXA155',  41200, false, false),
    ( 3,  2, 2019, 'Honda',      'CR-V',           'EX',             'Modern Steel',      '2HKRW2H51KD175954', '7XKL309',  52300, true,  false),
    ( 4,  2, 2012, 'Toyota',     'Corolla',        'LE',             'Classic Silver',    '2T1BU4EE9CG483452', '6TRC551', 148900, false, false),
    ( 5,  3, 2021, 'Ford',       'F-150',          'XLT',            'Oxford White',      '1FTEW1EP7MD632084', '8BXJ219',  38700, true,  false),
    ( 6,  3, 2023, 'Lincoln',    'Aviator',        'Reserve',        'Infinite Black',    '5LM5J7XC1PP139317', '9CJK811',  12400, false, false),
    ( 7,  4, 2020, 'Tesla',      'Model 3',        'Long Range',     'Pearl White',       '5YJ3E1EB9LF554710', '8TSL440',  45100, true,  false),
    ( 8,  5, 2019, 'Ford',       'Transit 250',    'Medium Roof',    'Oxford White',      '1FTYR2CM8K3173248', 'CHENPL1', 121300, true,  false),
    ( 9,  5, 2020, 'Ford',       'Transit 250',    'Medium Roof',    'Oxford White',      '1FTBR2CM1LS195119', 'CHENPL2',  98700, false, false),
    (10,  5, 2017, 'Chevrolet',  'Silverado 2500HD', 'LT',           'Summit White',      '1GC1KVEG1H4161981', 'CHENPL3', 167000, false, false),
    (11,  6, 2017, 'Toyota',     'Prius',          'Two',            'Sea Glass Pearl',   'JTDKBRFU1HH334083', '7MNP218', 112500, true,  false),
    (12,  7, 2014, 'Jeep',       'Wrangler Unlimited', 'Sahara',     'Firecracker Red',   '1C4BJWEG0ED705136', '7GHT903', 131000, true,  false),
    (13,  7, 2016, 'Volkswagen', 'Golf GTI',       'S',              'Night Blue',        '3VW4T7AU5G2151998', '7LPW660',  88900, false, false),
    (14,  8, 2022, 'Hyundai',    'Tucson',         'SEL',            'Amazon Gray',       '5NMJB3AE8NR148845', '9BFR127',  27800, true,  false),
    (15,  9, 2013, 'BMW',        '328i',           'xDrive',         'Alpine White',      'WBA3B5C50DJ403677', '6VWZ884', 139400, true,  false),
    (16,  9, 2019, 'Kia',        'Telluride',      'EX',             'Gravity Gray',      '5XYP34HC0K3251262', '8KTL115',  61200, false, false),
    (17, 10, 2016, 'Honda',      'Civic',          'EX',             'Aegean Blue',       '19XFC2F74GH698646', '7CVC302',  97300, true,  false),
    (18, 11, 2020, 'Subaru',     'Forester',       'Sport',          'Horizon Blue',      'JF2SKAJC4LW687472', '8SUB771',  54600, true,  false),
    (19, 11, 2008, 'Toyota',     'Tacoma',         'PreRunner',      'Silver Streak',     '5TETX62NX8M208061', '5TAC082', 214300, false, false),
    (20, 12, 2018, 'Nissan',     'Rogue',          'SV',             'Magnetic Black',    '5N1AT2MV6JN490487', '8NRG455',  83400, true,  false),
    (21, 13, 2011, 'Ford',       'Ranger',         'XLT',            'Dark Blue',         '1FTKR1ED0BG674351', '6RNG190', 176800, true,  false),
    (22, 14, 2021, 'Toyota',     'RAV4 Hybrid',    'XLE',            'Blueprint',         '2T3RWRFV8ME691783', '8RAV921',  33900, true,  false),
    (23, 14, 2019, 'MINI',       'Cooper',         'S',              'British Racing Green', 'WMWXP7C56KD749078', '8MIN377', 40200, false, false),
    (24, 15, 2017, 'Chevrolet',  'Bolt EV',        'Premier',        'Kinetic Blue',      '1G1FX6S04HP620528', '7BLT664',  72100, true,  false),
    (25, 16, 2022, 'Mazda',      'CX-5',           'Turbo',          'Soul Red Crystal',  'JM3KFBDY7N4914983', '9MZD208',  19800, true,  false),
    (26, 17, 2015, 'Audi',       'A4',             'Premium Plus',   'Glacier White',     'WAUFFAFL9FX588218', '7AUD515', 118700, true,  false),
    (27, 17, 2010, 'Honda',      'Odyssey',        'EX-L',           'Ocean Mist',        '5FNRL3H63A6479146', '6ODY239', 189200, false, false),
    (28, 18, 2014, 'Toyota',     'Camry',          'SE',             'Clear Sky Blue',    '4T1BF1FKXEW360494', '7CMR840', 126500, true,  false),
    (29, 19, 2009, 'Chevrolet',  'Malibu',         'LT',             'Taupe Gray',        '1G1ZJ57B49M832948', '6MLB311', 201400, true,  false),
    (30, 19, 2016, 'Ram',        '1500',           'Big Horn',       'Bright White',      '1C6RR7LT9GS185831', '7RAM662', 143800, false, false),
    (31, 20, 2018, 'Volvo',      'XC60',           'T5 Momentum',    'Osmium Grey',       'YV4102RK4JW650708', '8VLV403',  69800, true,  false),
    (32, 20, 2006, 'Honda',      'Accord',         'LX',             'Silver',            '1HGCM564168460160', '5ACC771', 232000, false, true),
    (33,  6, 2019, 'Honda',      'Fit',            'Sport',          'Orange Fury',       '3HGGK5H8XK5401924', '8FIT903',  48800, false, false),
    (34, 12, 2016, 'Ford',       'Escape',         'SE',             'Magnetic',          '1FMCU9GX7GE223800', '7ESC118', 102600, false, false)
) AS v (n, cust, year, make, model, trim, color, vin, plate, mileage, is_primary, sold)
JOIN customers c ON c.id = ('de000002-0000-7000-8000-' || lpad(v.cust::text, 12, '0'))::uuid
ON CONFLICT DO NOTHING;

-- Appointments: total = sum of its items, paid = sum of its payments. Only rows whose customer
-- and vehicle exist; a technician missing (e.g. initials taken) leaves the job unassigned.
CREATE TEMP TABLE demo_new_appt (id uuid PRIMARY KEY);
WITH inserted AS (
    INSERT INTO appointments (id, customer_id, vehicle_id, technician_id, status, starts_at, ends_at, title, notes,
                              position, total_cents, paid_cents, check_in_at, check_out_at, started_at, completed_at,
                              created_at, updated_at, version)
    SELECT a.id, a.customer_id, a.vehicle_id, (SELECT t.id FROM technicians t WHERE t.id = a.technician_id),
           a.status, a.starts_at, a.ends_at, a.title, a.notes, a.position,
           (SELECT coalesce(sum(i.price_cents), 0) FROM demo_item i WHERE i.appointment_id = a.id),
           (SELECT coalesce(sum(p.amount_cents), 0) FROM demo_pay p WHERE p.appointment_id = a.id),
           a.check_in_at, a.check_out_at, a.started_at, a.completed_at, a.created_at,
           greatest(a.created_at, a.check_in_at, a.started_at, a.completed_at, a.check_out_at,
                    CASE WHEN a.status = 'CANCELED' THEN least(a.created_at + interval '1 day', now()) END,
                    CASE WHEN a.status = 'NO_SHOW' THEN a.ends_at + interval '1 hour' END,
                    (SELECT max(p.created_at) FROM demo_pay p WHERE p.appointment_id = a.id)),
           a.version + (SELECT count(*) FROM demo_pay p WHERE p.appointment_id = a.id)
    FROM demo_appt a
    WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = a.customer_id)
      AND EXISTS (SELECT 1 FROM vehicles v WHERE v.id = a.vehicle_id)
    ORDER BY a.n
    ON CONFLICT DO NOTHING
    RETURNING id
)
INSERT INTO demo_new_appt SELECT id FROM inserted;

INSERT INTO appointment_services (id, appointment_id, name, estimated_hours, price_cents, category, created_at, updated_at)
SELECT i.id, i.appointment_id, i.name, i.estimated_hours, i.price_cents, i.category, i.created_at, i.created_at
FROM demo_item i JOIN demo_new_appt n ON n.id = i.appointment_id
ON CONFLICT DO NOTHING;

INSERT INTO payments (id, appointment_id, amount_cents, method, note, voids_payment_id, created_at, created_by)
SELECT p.id, p.appointment_id, p.amount_cents, p.method, p.note, p.voids_payment_id, p.created_at, p.created_by
FROM demo_pay p JOIN demo_new_appt n ON n.id = p.appointment_id
ORDER BY p.id
ON CONFLICT DO NOTHING;

-- Messages for the recent and upcoming appointments ---------------------------------------------
-- Texts go out only to customers with a phone whose SMS consent is not denied, otherwise by email.
-- kinds: 1 booking confirmation (the one to customer 13's number fails), 2 the customer's SMS reply,
--        3 day-before reminder (queued in the outbox, due tomorrow), 4 "your car is ready",
--        5 emailed receipt, 6 day-of notice (the one of appointment 8 is being sent right now)
INSERT INTO messages (id, appointment_id, channel, direction, body, status, failure_reason, attempts,
                      next_attempt_at, provider_ref, sent_at, created_at, updated_at, created_by)
SELECT ('de000007-0000-7000-8000-' || lpad(m.n::text, 8, '0') || lpad(m.kind::text, 4, '0'))::uuid,
       m.appointment_id, m.channel, m.direction, m.body, m.status,
       CASE WHEN m.status = 'failed' THEN 'Carrier rejected the message: unreachable destination (30003)' END,
       CASE m.status WHEN 'failed' THEN 3 WHEN 'queued' THEN 0 WHEN 'sending' THEN 1
                     ELSE CASE m.direction WHEN 'out' THEN 1 ELSE 0 END END,
       CASE m.status WHEN 'queued' THEN m.due_at WHEN 'sending' THEN now() + interval '2 minutes' END,
       CASE WHEN m.status = 'delivered' THEN
            CASE m.channel WHEN 'sms' THEN 'SM' || md5(m.n || '/' || m.kind)
                           ELSE 'em-' || left(md5(m.n || '/' || m.kind), 20) END END,
       CASE WHEN m.status = 'delivered' THEN m.created_at + interval '4 seconds' END,
       m.created_at,
       m.created_at + CASE m.status WHEN 'delivered' THEN interval '9 seconds'
                                    WHEN 'failed' THEN interval '6 minutes' ELSE interval '0 seconds' END,
       CASE WHEN m.direction = 'out' THEN 'staff:de000008-0000-7000-8000-000000000002' END
FROM (
    SELECT a.n, x.kind, a.id AS appointment_id, x.channel, x.direction, x.body, x.created_at, x.due_at,
           CASE WHEN x.kind = 3 THEN 'queued'
                WHEN x.kind = 6 AND a.n = 8 THEN 'sending'
                WHEN x.kind = 1 AND a.cust = 13 AND a.starts_at > now() THEN 'failed'
                ELSE 'delivered' END AS status
    FROM demo_appt a
    JOIN demo_new_appt na ON na.id = a.id
    JOIN customers c ON c.id = a.customer_id
    CROSS JOIN LATERAL (
        SELECT CASE WHEN c.phone IS NOT NULL AND c.sms_consent <> 'denied' THEN 'sms'
                    WHEN c.email IS NOT NULL THEN 'email' END AS text_channel,
               to_char(a.starts_at AT TIME ZONE 'UTC', 'Dy Mon FMDD "at" FMHH12:MI AM') AS at_text,
               (SELECT coalesce(sum(i.price_cents), 0) FROM demo_item i WHERE i.appointment_id = a.id) AS total
    ) ch
    CROSS JOIN LATERAL (VALUES
        (1, ch.text_channel, 'out',
            'Hi ' || split_part(c.name, ' ', 1) || ', your appointment for ' || a.title || ' is booked for '
            || ch.at_text || '. Reply C to confirm or call us to reschedule.',
            a.created_at + interval '2 minutes', NULL::timestamptz, true),
        (2, 'sms', 'in', 'C - confirmed, thanks!', a.created_at + interval '25 minutes', NULL,
            ch.text_channel = 'sms' AND a.n % 3 = 0 AND a.status NOT IN ('NO_SHOW', 'CANCELED')),
        (3, ch.text_channel, 'out',
            'Reminder: your appointment for ' || a.title || ' is tomorrow, ' || ch.at_text || '. Reply C to confirm.',
            a.created_at + interval '3 minutes', a.starts_at - interval '1 day',
            a.status = 'SCHEDULED' AND a.starts_at - interval '1 day' > now()),
        (4, ch.text_channel, 'out',
            'Good news, ' || split_part(c.name, ' ', 1) || ': your ' || a.title || ' is done and your vehicle is ready'
            || ' for pickup. Total: $' || to_char(ch.total / 100.0, 'FM999990.00') || '.',
            a.ready_at, NULL, a.status IN ('READY', 'COMPLETED')),
        (5, 'email', 'out',
            'Thank you for choosing us! Your receipt for ' || a.title || ' ($'
            || to_char(ch.total / 100.0, 'FM999990.00') || ') is attached.',
            a.check_out_at + interval '5 minutes', NULL, a.status = 'COMPLETED' AND c.email IS NOT NULL),
        (6, ch.text_channel, 'out',
            'See you today at ' || to_char(a.starts_at AT TIME ZONE 'UTC', 'FMHH12:MI AM') || ' for your appointment: '
            || a.title || '.',
            CASE WHEN a.n = 8 THEN now() - interval '20 seconds'
                 ELSE least(now() - interval '1 minute', a.starts_at - interval '3 hours') END,
            NULL, a.status = 'SCHEDULED' AND a.starts_at > now() AND a.starts_at < now() + interval '12 hours')
    ) AS x (kind, channel, direction, body, created_at, due_at, wanted)
    WHERE x.wanted
      AND x.channel IS NOT NULL
      AND a.starts_at > now() - interval '60 days'
) m
ON CONFLICT DO NOTHING;

DROP TABLE pg_temp.demo_job, pg_temp.demo_plan, pg_temp.demo_appt, pg_temp.demo_item, pg_temp.demo_pay,
    pg_temp.demo_new_appt;
