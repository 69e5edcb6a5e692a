package com.autoshop.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void stringsComeBackAsWritten() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String value : new String[] { "", "plain", "\"quoted\"", "back\\slash", "line\nbreak\ttab\r\u0000\u001f",
                "café ☕ 𝄞", "\"", "\\", "end\\" }) {
            String text = JsonText.object().string("v", value).build();
            assertThat(json.readTree(text).get("v").asText()).as(text).isEqualTo(value);
        }
        assertThat(JsonText.object().string("a\"b", "x\u0001").build()).isEqualTo("{\"a\\\"b\":\"x\\u0001\"}");
    }
}
