package com.autoshop.customer.dto;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer signing up in the mobile app; the password must also pass the PasswordPolicy. */
public record Registration(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String password,
        @Pattern(regexp = "\\+?[0-9]{4,20}", message = "must be a phone number of 4 to 20 digits") String phone) {

    public Registration {
        name = Normalize.text(name);
        email = Normalize.email(email);
        phone = Normalize.phone(phone);
    }
}
