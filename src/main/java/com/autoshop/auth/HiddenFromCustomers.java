package com.autoshop.auth;

import com.autoshop.platform.http.RequestTelemetry;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.platform.problem.ProblemResponses;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A customer's token is refused with 404, never 403, outside its own resources: the mobile app must
 * not learn that a staff endpoint or someone else's record exists. Staff get 403 with the role rule.
 */
public class HiddenFromCustomers {

    private final CurrentIdentityAssociation identity;

    public HiddenFromCustomers(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> forbidden(ForbiddenException failure, RoutingContext rc) {
        String requestId = RequestTelemetry.requestId(rc);
        return identity.getDeferredIdentity().map(who -> who.hasRole(Roles.CUSTOMER)
                ? ProblemResponses.of(ErrorCode.RESOURCE_NOT_FOUND, "No resource at " + rc.request().path(), requestId)
                : ProblemResponses.of(ErrorCode.RBAC_FORBIDDEN, "Your role does not allow this", requestId));
    }
}
