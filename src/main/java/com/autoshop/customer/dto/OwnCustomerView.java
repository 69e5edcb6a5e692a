package com.autoshop.customer.dto;

import com.autoshop.customer.SmsConsent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer record as its customer sees it in the app: the shop's internal notes, tags and VIP
 * flag stay with the staff.
 */
@RegisterForReflection
public record OwnCustomerView(UUID id, String name, String email, String phone, String address,
        SmsConsent smsConsent, Instant createdAt, Instant updatedAt, long version) {

    public static OwnCustomerView of(CustomerView c) {
        return new OwnCustomerView(c.id(), c.name(), c.email(), c.phone(), c.address(), c.smsConsent(),
                c.createdAt(), c.updatedAt(), c.version());
    }
}
