package com.autoshop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

public class StoredDocumentTest {

    public static String gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGzipEncodingIsTheDocumentAndIsComputedOnce() throws IOException {
        StoredDocument document = new StoredDocument("{\"name\":\"Zoë\",\"cards\":[" + "{\"id\":1},".repeat(500) + "{}]}");
        byte[] gzip = document.gzip(1);
        assertThat(gunzip(gzip)).isEqualTo(document.json());
        assertThat(gzip.length).isLessThan(document.json().length() / 5);
        assertThat(document.gzip(1)).isSameAs(gzip);
    }

    @Test
    void theEtagIsTheBodysWeakEtagAndIsComputedOnce() {
        StoredDocument document = new StoredDocument("{\"a\":1}");
        assertThat(document.etag()).isEqualTo(ETags.weakOf("{\"a\":1}")).isSameAs(document.etag());
    }

    @Test
    void gzipIsChosenWhenAcceptEncodingNamesItWithoutQZero() {
        assertThat(DocumentResponses.acceptsGzip("gzip")).isTrue();
        assertThat(DocumentResponses.acceptsGzip("br, GZIP;q=0.5")).isTrue();
        assertThat(DocumentResponses.acceptsGzip("deflate, *")).isTrue();
        assertThat(DocumentResponses.acceptsGzip(null)).isFalse();
        assertThat(DocumentResponses.acceptsGzip("identity")).isFalse();
        assertThat(DocumentResponses.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(DocumentResponses.acceptsGzip("gzip; q=0.0, br")).isFalse();
        assertThat(DocumentResponses.acceptsGzip("gzip;q=oops")).isFalse();
        assertThat(DocumentResponses.acceptsGzip("x-gzip")).isFalse();
    }
}
