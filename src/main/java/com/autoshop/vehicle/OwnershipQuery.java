package com.autoshop.vehicle;

import com.autoshop.vehicle.dto.OwnershipCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which of several vehicles a customer owns: one statement for any number of ids, never one per vehicle. */
@ApplicationScoped
public class OwnershipQuery {

    static final String SQL = """
            SELECT id FROM vehicles
            WHERE customer_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL""";

    private final Pool pool;

    public OwnershipQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<OwnershipCheck.Answer> check(UUID customerId, List<UUID> vehicleIds) {
        Set<UUID> asked = new LinkedHashSet<>(vehicleIds);
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(customerId, asked.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> owned = new HashSet<>();
                    for (Row row : rows) {
                        owned.add(row.getUUID(0));
                    }
                    return new OwnershipCheck.Answer(
                            asked.stream().filter(owned::contains).toList(),
                            asked.stream().filter(id -> !owned.contains(id)).toList());
                });
    }
}
