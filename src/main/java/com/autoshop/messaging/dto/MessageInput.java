package com.autoshop.messaging.dto;

import com.autoshop.messaging.Channel;
import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A message to the appointment's customer: by SMS (at most 1600 characters) or email (at most 2000). */
public record MessageInput(@NotNull Channel channel, @NotBlank @Size(max = 2000) String body) {

    public MessageInput {
        body = Normalize.text(body);
    }
}
