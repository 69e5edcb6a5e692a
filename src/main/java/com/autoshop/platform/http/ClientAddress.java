package com.autoshop.platform.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The caller's address. Behind the ingress it is the first X-Forwarded-For entry, which Quarkus puts
 * in the request's remote address (quarkus.http.proxy.proxy-address-forwarding); restrict the proxies
 * it believes with quarkus.http.proxy.trusted-proxies (TRUSTED_PROXIES).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
