package com.autoshop.appointment;

import com.autoshop.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/cars-on-premises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Board")
public class CarsOnPremisesResource {

    private final BoardQuery board;

    public CarsOnPremisesResource(BoardQuery board) {
        this.board = board;
    }

    /** Cars checked in and not yet checked out, as board cards, longest-waiting first. */
    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> list() {
        return board.onPremises();
    }
}
