-- Phase 4b: line items and payments (from the staging of phase 2b).
\ir settings.sql

INSERT INTO appointment_services (id, appointment_id, name, estimated_hours, price_cents, category, created_at, updated_at)
SELECT id, appointment_id, name, estimated_hours, price_cents, category, created_at, created_at
FROM load_stage.item ORDER BY id;

INSERT INTO payments (id, appointment_id, amount_cents, method, note, voids_payment_id, created_at, created_by)
SELECT id, appointment_id, amount, method, note, voids_payment_id, created_at, created_by
FROM load_stage.pay ORDER BY id;

-- The bulky staging tables are no longer needed (params and saved_ddl stay for the last phases)
DROP TABLE load_stage.appt_draw, load_stage.place, load_stage.appt, load_stage.item_draw, load_stage.item, load_stage.appt_total,
           load_stage.pay_plan, load_stage.pay, load_stage.appt_paid, load_stage.cust_draw, load_stage.veh_draw,
           load_stage.msg_window, load_stage.msg_src;
