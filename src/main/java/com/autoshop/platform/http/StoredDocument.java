package com.autoshop.platform.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON document kept in memory and served many times (a cached board): its weak ETag and its gzip
 * encoding are computed once, on first use, instead of on every response (for a 180 KB board, hashing
 * and compressing cost more CPU than everything else a cached answer does).
 */
public final class StoredDocument {

    private final String json;
    private volatile String etag;
    private volatile byte[] gzip;

    public StoredDocument(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public String etag() {
        String known = etag;
        if (known == null) {
            known = ETags.weakOf(json);
            etag = known;
        }
        return known;
    }

    /** The document gzip-compressed at {@code level}; the level of the first call is kept. */
    byte[] gzip(int level) {
        byte[] known = gzip;
        if (known == null) {
            known = compress(json.getBytes(StandardCharsets.UTF_8), level);
            gzip = known;
        }
        return known;
    }

    private static byte[] compress(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new LeveledGzip(out, level)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class LeveledGzip extends GZIPOutputStream {

        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level == 0 ? Deflater.DEFAULT_COMPRESSION : level);
        }
    }
}
