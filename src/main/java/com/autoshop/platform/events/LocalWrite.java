package com.autoshop.platform.events;

/**
 * A request that may have changed data succeeded on this instance (a CDI event, fired synchronously
 * before its answer leaves). Caches of this instance drop what it may have changed, so the caller's next
 * read sees its own write; other instances learn of the change from {@link DatabaseEvents}, a moment later.
 */
public record LocalWrite(String method, String path) {
}
