package com.autoshop.customer;

import com.autoshop.audit.AuditLog;
import com.autoshop.customer.dto.CustomerInput;
import com.autoshop.customer.dto.CustomerView;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.MergePatch;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.vehicle.LiveRecords;
import com.autoshop.vehicle.VehicleRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The rules of customer records: creation, merge-patch edits under If-Match, soft deletion; each audited. */
@ApplicationScoped
public class CustomerService {

    static final String ENTITY = "customer";

    private final CustomerRepository customers;
    private final VehicleRepository vehicles;
    private final LiveRecords records;
    private final AuditLog audit;
    private final MergePatch mergePatch;

    public CustomerService(CustomerRepository customers, VehicleRepository vehicles, LiveRecords records,
            AuditLog audit, MergePatch mergePatch) {
        this.customers = customers;
        this.vehicles = vehicles;
        this.records = records;
        this.audit = audit;
        this.mergePatch = mergePatch;
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerInput input, String actor) {
        Customer customer = new Customer();
        customer.id = Ids.newId();
        apply(customer, input);
        return customers.persistAndFlush(customer)
                .map(CustomerView::of)
                .call(view -> audit.record(actor, "create", ENTITY, view.id(), null, view));
    }

    @WithTransaction
    public Uni<CustomerView> update(UUID id, JsonNode patch, String ifMatch, String actor) {
        return live(id).chain(customer -> {
            ETags.requireMatch(ifMatch, customer.version);
            CustomerView before = CustomerView.of(customer);
            apply(customer, mergePatch.apply(before.editable(), patch, CustomerInput.class));
            return customers.flush()
                    .map(ignored -> CustomerView.of(customer))
                    .call(after -> audit.record(actor, "update", ENTITY, id, before, after));
        });
    }

    /**
     * Soft delete; the customer's vehicles go with it, freeing their VIN and plate. Refused while the
     * customer has open appointments.
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch, String actor) {
        return live(id).chain(customer -> {
            ETags.requireMatch(ifMatch, customer.version);
            CustomerView before = CustomerView.of(customer);
            return records.openAppointmentsOfCustomer(id).chain(open -> {
                if (open > 0) {
                    throw ApiProblem.conflict("The customer has " + open
                            + " open appointment(s); cancel or complete them first");
                }
                customer.deletedAt = Instant.now();
                return vehicles.deleteAllOf(id, customer.deletedAt)
                        .chain(customers::flush)
                        .chain(() -> audit.record(actor, "delete", ENTITY, id, before, null));
            });
        });
    }

    public Uni<CustomerView> get(UUID id) {
        return customers.findLive(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Customer"))
                .map(CustomerView::of);
    }

    private Uni<Customer> live(UUID id) {
        return customers.findLive(id).onItem().ifNull().failWith(() -> ApiProblem.notFound("Customer"));
    }

    private static void apply(Customer customer, CustomerInput input) {
        customer.name = input.name();
        customer.email = input.email();
        customer.phone = input.phone();
        customer.address = input.address();
        customer.notes = input.notes();
        customer.tags = input.tags().toArray(String[]::new);
        customer.smsConsent = input.smsConsent() == null ? SmsConsent.UNKNOWN : input.smsConsent();
        customer.vip = Boolean.TRUE.equals(input.isVip());
    }
}
