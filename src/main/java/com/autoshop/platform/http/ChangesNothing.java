package com.autoshop.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that only reads (a query too large or too private for a URL): it fires no {@link
 * com.autoshop.platform.events.LocalWrite}, so it leaves this instance's caches alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChangesNothing {
}
