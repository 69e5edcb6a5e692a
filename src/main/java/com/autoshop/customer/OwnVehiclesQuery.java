package com.autoshop.customer;

import com.autoshop.platform.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A customer's live vehicles, primary first; one statement. */
@ApplicationScoped
public class OwnVehiclesQuery {

    static final String SQL = """
            SELECT coalesce(json_agg(vehicle_json(v) ORDER BY v.is_primary DESC, v.created_at, v.id), '[]')::text
            FROM vehicles v
            WHERE v.customer_id = $1 AND v.deleted_at IS NULL""";

    private final Pool pool;

    public OwnVehiclesQuery(Pool pool) {
        this.pool = pool;
    }

    /** {"items": [...], "nextCursor": null}: a customer has few vehicles, so the list is never paged. */
    public Uni<String> load(UUID customerId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(customerId)).map(rows -> JsonText.object()
                .raw("items", rows.iterator().next().getString(0)).string("nextCursor", null).build());
    }
}
