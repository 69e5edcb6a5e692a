-- Messages (issue 4): the address a message was written to, as the advisor saw it when it was queued.
-- Rows from before this column (or made by tools) have none; the dispatcher then uses the customer's
-- current phone (sms) or email.
ALTER TABLE messages ADD COLUMN recipient text CHECK (length(recipient) <= 320);

CREATE OR REPLACE FUNCTION message_json(m messages) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'id', m.id, 'appointmentId', m.appointment_id, 'channel', m.channel, 'direction', m.direction,
    'body', m.body, 'status', m.status, 'recipient', m.recipient, 'failureReason', m.failure_reason,
    'attempts', m.attempts, 'nextAttemptAt', iso(m.next_attempt_at), 'providerRef', m.provider_ref,
    'sentAt', iso(m.sent_at), 'createdAt', iso(m.created_at), 'updatedAt', iso(m.updated_at),
    'createdBy', m.created_by)
$$;
