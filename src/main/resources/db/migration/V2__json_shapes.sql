-- One definition of each resource's JSON shape for every SQL read model (profile, drawer, lists,
-- board). Field names are camelCase, money is integer cents, instants are ISO-8601 UTC with
-- milliseconds: the same form the Java side writes. Plain SQL expressions, inlined by the planner.

CREATE FUNCTION iso(t timestamptz) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION customer_json(c customers) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', c.id, 'name', c.name, 'email', c.email, 'phone', c.phone, 'address', c.address,
    'notes', c.notes, 'tags', to_json(c.tags), 'isVip', c.is_vip, 'smsConsent', c.sms_consent,
    'createdAt', iso(c.created_at), 'updatedAt', iso(c.updated_at), 'version', c.version)
$$;

CREATE FUNCTION vehicle_label(v vehicles) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(concat_ws(' ', v.year::text, v.make, v.model, v.trim), '')
$$;

CREATE FUNCTION vehicle_json(v vehicles) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', v.id, 'customerId', v.customer_id, 'year', v.year, 'make', v.make, 'model', v.model,
    'trim', v.trim, 'color', v.color, 'vin', v.vin, 'licensePlate', v.license_plate,
    'mileage', v.mileage, 'isPrimary', v.is_primary, 'label', vehicle_label(v),
    'createdAt', iso(v.created_at), 'updatedAt', iso(v.updated_at), 'version', v.version)
$$;

CREATE FUNCTION technician_json(t technicians) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
    'id', t.id, 'name', t.name, 'initials', t.initials, 'active', t.active, 'version', t.version) END
$$;

CREATE FUNCTION appointment_json(a appointments) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', a.id, 'customerId', a.customer_id, 'vehicleId', a.vehicle_id, 'technicianId', a.technician_id,
    'status', a.status, 'startsAt', iso(a.starts_at), 'endsAt', iso(a.ends_at), 'title', a.title,
    'notes', a.notes, 'position', a.position, 'totalCents', a.total_cents, 'paidCents', a.paid_cents,
    'balanceCents', a.total_cents - a.paid_cents,
    'checkInAt', iso(a.check_in_at), 'checkOutAt', iso(a.check_out_at), 'startedAt', iso(a.started_at),
    'completedAt', iso(a.completed_at), 'createdAt', iso(a.created_at), 'updatedAt', iso(a.updated_at),
    'version', a.version)
$$;

CREATE FUNCTION line_item_json(s appointment_services) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', s.id, 'appointmentId', s.appointment_id, 'name', s.name, 'notes', s.notes,
    'estimatedHours', s.estimated_hours, 'priceCents', s.price_cents, 'category', s.category,
    'createdAt', iso(s.created_at), 'updatedAt', iso(s.updated_at), 'version', s.version)
$$;

CREATE FUNCTION payment_json(p payments) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', p.id, 'appointmentId', p.appointment_id, 'amountCents', p.amount_cents, 'method', p.method,
    'note', p.note, 'voidsPaymentId', p.voids_payment_id, 'createdAt', iso(p.created_at),
    'createdBy', p.created_by)
$$;

CREATE FUNCTION message_json(m messages) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', m.id, 'appointmentId', m.appointment_id, 'channel', m.channel, 'direction', m.direction,
    'body', m.body, 'status', m.status, 'failureReason', m.failure_reason, 'attempts', m.attempts,
    'sentAt', iso(m.sent_at), 'createdAt', iso(m.created_at), 'updatedAt', iso(m.updated_at))
$$;
