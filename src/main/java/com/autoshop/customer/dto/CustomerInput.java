package com.autoshop.customer.dto;

import com.autoshop.customer.SmsConsent;
import com.autoshop.platform.text.Normalize;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The editable fields of a customer (create body, and the target of a merge patch). Email is
 * lower-cased, phone reduced to digits and an optional leading +, before validation.
 */
public record CustomerInput(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9]{4,20}", message = "must be a phone number of 4 to 20 digits") String phone,
        @Size(max = 500) String address,
        @Size(max = 5000) String notes,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        SmsConsent smsConsent,
        @JsonProperty("isVip") Boolean isVip) {

    public CustomerInput {
        name = Normalize.text(name);
        email = Normalize.email(email);
        phone = Normalize.phone(phone);
        address = Normalize.text(address);
        notes = Normalize.text(notes);
        tags = tags == null ? List.of() : tags.stream().map(Normalize::text).distinct().toList();
    }
}
