package com.autoshop.appointment;

import com.autoshop.auth.Roles;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.http.DocumentResponses;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.time.ShopClock;
import com.autoshop.platform.time.TimeRange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/appointments")
@Tag(name = "Board")
public class BoardResource {

    static final Duration MAX_RANGE = Duration.ofDays(31);

    private final BoardCache board;
    private final BoardEvents events;
    private final AppointmentListQuery list;
    private final ShopClock clock;
    private final DocumentResponses responses;

    public BoardResource(BoardCache board, BoardEvents events, AppointmentListQuery list, ShopClock clock,
            DocumentResponses responses) {
        this.board = board;
        this.events = events;
        this.list = list;
        this.clock = clock;
        this.responses = responses;
    }

    /** Columns per status (count, money sum, cards); the range defaults to today in the shop's time zone. */
    @GET
    @Path("/board")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Uni<Response> board(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("technicianId") UUID technicianId, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        TimeRange range = TimeRange.orToday(from, to, clock, MAX_RANGE, "the board shows at most 31 days");
        return board.board(range.from(), range.to(), technicianId, clock.zone().getId())
                .map(document -> responses.ok(document, ifNoneMatch, headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING)));
    }

    /** Today's appointments in the shop's time zone, in start order. */
    @GET
    @Path("/today")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> today(@QueryParam("technicianId") UUID technicianId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        LocalDate today = clock.today();
        var filter = new AppointmentListQuery.Filter(EnumSet.noneOf(AppointmentStatus.class), clock.startOf(today),
                clock.startOf(today.plusDays(1)), technicianId, null, false, Limits.within("limit", limit, 200, 200), cursor);
        return list.list(filter).map(page -> JsonText.page(page.items(), page.nextCursor()));
    }

    /**
     * The live board as Server-Sent Events: card.created, card.moved, card.changed, card.removed (data:
     * {id, card}), board.reload and heartbeat. A move announces only the moved card: the cards it shifted
     * keep their order (take the card out of its old column, insert it into the new one at its position).
     * board.reload: too many cards changed at once, or events may have been missed; with {from, to} (the
     * first and last start time of the changed cards) only a board showing days in that span needs it.
     */
    @GET
    @Path("/board/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH })
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return events.subscribe().map(event -> sse.newEventBuilder()
                .name(event.name())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(event.data())
                .build());
    }
}
