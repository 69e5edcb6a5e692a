-- Payments (issue 4): what a payment changes on its appointment, the figures every payment answer
-- (and the payments list) carries.
CREATE FUNCTION appointment_balance_json(a appointments) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', a.id, 'status', a.status, 'totalCents', a.total_cents, 'paidCents', a.paid_cents,
    'balanceCents', a.total_cents - a.paid_cents, 'version', a.version)
$$;
