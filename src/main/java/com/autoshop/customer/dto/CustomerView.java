package com.autoshop.customer.dto;

import com.autoshop.customer.Customer;
import com.autoshop.customer.SmsConsent;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer as the API shows it; the SQL read models render the same fields (customer_json). */
@RegisterForReflection
public record CustomerView(UUID id, String name, String email, String phone, String address, String notes,
        List<String> tags, @JsonProperty("isVip") boolean isVip, SmsConsent smsConsent, Instant createdAt,
        Instant updatedAt, long version) {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.name, c.email, c.phone, c.address, c.notes, List.of(c.tags), c.vip,
                c.smsConsent, c.createdAt, c.updatedAt, c.version);
    }

    public CustomerInput editable() {
        return new CustomerInput(name, email, phone, address, notes, tags, smsConsent, isVip);
    }
}
