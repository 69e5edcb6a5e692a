-- Phase 2b: stage the line items and payments, so that each appointment is written once, with its
-- final total_cents and paid_cents (phase 3).
\ir settings.sql
DO $$ BEGIN PERFORM setseed(((p.seed * 1000003 + 222) % 2000000 + 2000000) % 2000000 / 1000000.0 - 1) FROM load_stage.params p; END $$;

-- Line items: the visit's job, then 0..3 add-ons taken a third of the add-on distribution apart
-- (distinct), priced from the menu with 3 % a year of inflation and +-12 % per job.
CREATE UNLOGGED TABLE load_stage.item_draw WITH (autovacuum_enabled = off) AS
SELECT a.an, k, random() AS r_price
FROM (SELECT an, m FROM load_stage.appt ORDER BY an) AS a
CROSS JOIN LATERAL generate_series(1, a.m) AS k;
ANALYZE load_stage.item_draw;

CREATE UNLOGGED TABLE load_stage.item WITH (autovacuum_enabled = off) AS
SELECT load_stage.v7(x.created_at, p.seed * 64 + 20, x.an * 8 + x.k) AS id, x.*
FROM (
    SELECT d.an, d.k, a.id AS appointment_id, j.name, j.category, j.hours AS estimated_hours,
           CASE WHEN j.base_cents = 0 THEN 0
                ELSE greatest(99, round(j.base_cents * exp(ln(1.03::float8) * date_part('epoch', a.starts_at - p.anchor) / 31557600)
                                        * (0.88 + 0.24 * d.r_price) / 100) * 100 - 1) END::bigint AS price_cents,
           a.created_at + make_interval(secs => d.k) AS created_at
    FROM load_stage.item_draw d
    JOIN load_stage.appt a ON a.an = d.an
    CROSS JOIN load_stage.params p
    LEFT JOIN load_stage.pick pk ON d.k > 1 AND pk.bucket = (floor(a.r_addon * 1000)::int + (d.k - 2) * 333) % 1000
    JOIN load_stage.job j ON j.code = CASE WHEN d.k = 1 THEN a.job WHEN pk.addon_code = a.job THEN 29 ELSE pk.addon_code END
) x, load_stage.params p;
ANALYZE load_stage.item;

CREATE UNLOGGED TABLE load_stage.appt_total WITH (autovacuum_enabled = off) AS
SELECT an, sum(price_cents)::bigint AS total FROM load_stage.item GROUP BY an;
ANALYZE load_stage.appt_total;

-- Payments. Completed visits: 86 % paid at once, 6 % split cash + card, 3 % half paid (balance
-- due), 2 % unpaid, 3 % card payment voided (a negative row naming it) and paid again. 10 % of
-- open visits carry a deposit; 3 % of cancelled ones a deposit that was refunded (voided).
CREATE UNLOGGED TABLE load_stage.pay_plan WITH (autovacuum_enabled = off) AS
SELECT a.an, a.id, a.created_at, a.completed_at, a.check_out_at - a.completed_at AS desk, t.total,
       CASE WHEN a.r_method < 0.72 THEN 'card' WHEN a.r_method < 0.86 THEN 'cash'
            WHEN a.r_method < 0.94 THEN 'ach' ELSE 'other' END AS method,
       greatest(100, least(t.total - 100, round(t.total * 0.3 / 100) * 100))::bigint AS cash_part,
       CASE WHEN a.status = 'COMPLETED' THEN
                 CASE WHEN a.r_pay < 0.86 THEN 'full'
                      WHEN a.r_pay < 0.92 THEN CASE WHEN t.total >= 200 THEN 'split' ELSE 'full' END
                      WHEN a.r_pay < 0.95 THEN CASE WHEN t.total >= 2 THEN 'partial' ELSE 'full' END
                      WHEN a.r_pay < 0.97 THEN 'none'
                      ELSE 'void' END
            WHEN a.status IN ('SCHEDULED', 'IN_PROGRESS', 'READY') AND a.r_pay < 0.10 THEN 'deposit'
            WHEN a.status = 'CANCELED' AND a.r_pay < 0.03 THEN 'refund'
            ELSE 'none' END AS plan
FROM load_stage.appt a JOIN load_stage.appt_total t ON t.an = a.an
WHERE t.total > 0;
ANALYZE load_stage.pay_plan;

-- row k of a plan: 1 the payment (or deposit), 2 the second part of a split or the void of row 1,
-- 3 the payment again after a void. Completed visits are paid between completion and check-out.
CREATE UNLOGGED TABLE load_stage.pay WITH (autovacuum_enabled = off) AS
WITH r AS (
    SELECT a.an, a.id AS appointment_id, k,
           CASE k WHEN 1 THEN CASE a.plan WHEN 'split' THEN a.cash_part WHEN 'partial' THEN a.total / 2
                                          WHEN 'deposit' THEN least(5000, a.total) WHEN 'refund' THEN least(5000, a.total)
                                          ELSE a.total END
                  WHEN 2 THEN CASE a.plan WHEN 'split' THEN a.total - a.cash_part WHEN 'void' THEN -a.total
                                          ELSE -least(5000, a.total) END
                  ELSE a.total END AS amount,
           CASE WHEN k = 1 AND a.plan IN ('full', 'partial') THEN a.method
                WHEN k = 1 AND a.plan = 'split' THEN 'cash'
                WHEN k = 3 THEN CASE WHEN a.method = 'card' THEN 'cash' ELSE a.method END
                ELSE 'card' END AS method,
           CASE WHEN k = 1 AND a.plan = 'partial' THEN 'Partial payment, balance due'
                WHEN k = 1 AND a.plan IN ('deposit', 'refund') THEN 'Deposit'
                WHEN k = 2 AND a.plan = 'void' THEN 'Void: card charged twice by the terminal'
                WHEN k = 2 AND a.plan = 'refund' THEN 'Deposit refunded: appointment canceled' END AS note,
           k = 2 AND a.plan IN ('void', 'refund') AS is_void,
           CASE WHEN a.plan IN ('deposit', 'refund') THEN a.created_at + make_interval(mins => 10 * k)
                ELSE a.completed_at + a.desk * (0.1 + 0.2 * k) END AS at,
           CASE WHEN a.plan IN ('deposit', 'refund') THEN a.created_at + interval '10 minutes'
                ELSE a.completed_at + a.desk * 0.3 END AS first_at
    FROM load_stage.pay_plan a
    JOIN generate_series(1, 3) AS k
      ON k = 1 AND a.plan <> 'none'
      OR k = 2 AND a.plan IN ('split', 'void', 'refund')
      OR k = 3 AND a.plan = 'void'
)
SELECT load_stage.v7(r.at, p.seed * 64 + 24, r.an * 4 + r.k) AS id,
       r.an, r.k, r.appointment_id, r.amount, r.method, r.note,
       CASE WHEN r.is_void THEN load_stage.v7(r.first_at, p.seed * 64 + 24, r.an * 4 + 1) END AS voids_payment_id,
       r.at AS created_at,
       'staff:10ad0000-0000-7000-8000-00000000000' || CASE WHEN r.is_void THEN '4' ELSE '2' END AS created_by
FROM r, load_stage.params p;
ANALYZE load_stage.pay;

CREATE UNLOGGED TABLE load_stage.appt_paid WITH (autovacuum_enabled = off) AS
SELECT an, sum(amount)::bigint AS paid, max(created_at) AS last_at, count(*)::int AS n FROM load_stage.pay GROUP BY an;
ANALYZE load_stage.appt_paid;

