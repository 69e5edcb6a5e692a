package com.autoshop.platform.http;

import com.autoshop.platform.events.LocalWrite;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Fires {@link LocalWrite} after every successful request whose method may change data (not {@link ChangesNothing}). */
@Singleton
public class LocalWriteSignal {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Event<LocalWrite> writes;

    public LocalWriteSignal(Event<LocalWrite> writes) {
        this.writes = writes;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!SAFE.contains(request.getMethod()) && response.getStatus() < 400
                && (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(ChangesNothing.class))) {
            writes.fire(new LocalWrite(request.getMethod(), request.getUriInfo().getPath()));
        }
    }
}
