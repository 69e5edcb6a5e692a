package com.autoshop.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who changed what, with the record before and after, written in the transaction of the change. */
@Entity
@Immutable
@Table(name = "audit_entries")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public String actor;
    public String action;
    public String entity;
    @Column(name = "entity_id")
    public UUID entityId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    public String after;
    public Instant at;
}
