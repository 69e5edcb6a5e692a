package com.autoshop.customer;

import com.autoshop.audit.AuditLog;
import com.autoshop.auth.CustomerAccount;
import com.autoshop.customer.dto.CustomerView;
import com.autoshop.customer.dto.Registration;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A customer's sign-up: always a new customer record with its account, in one audited transaction.
 * It never attaches itself to an existing record with the same email or phone (anyone could claim
 * someone else's history that way); staff can merge records later.
 */
@ApplicationScoped
public class CustomerRegistration {

    static final String ACCOUNT_EMAIL_KEY = "customer_accounts_email_key";

    private final CustomerRepository customers;
    private final AuditLog audit;

    public CustomerRegistration(CustomerRepository customers, AuditLog audit) {
        this.customers = customers;
        this.audit = audit;
    }

    /** Creates the customer and its account with a password already hashed; 409 when the email has an account. */
    @WithTransaction
    public Uni<CustomerView> register(Registration input, String passwordHash) {
        Customer customer = new Customer();
        customer.id = Ids.newId();
        customer.name = input.name();
        customer.email = input.email();
        customer.phone = input.phone();
        CustomerAccount account = new CustomerAccount();
        account.customerId = customer.id;
        account.email = input.email();
        account.passwordHash = passwordHash;
        return customers.persist(customer)
                .chain(account::persist)
                .chain(customers::flush)
                .onFailure().transform(CustomerRegistration::duplicate)
                .map(ignored -> CustomerView.of(customer))
                .call(view -> audit.record("customer:" + view.id(), "register", CustomerService.ENTITY, view.id(),
                        null, view));
    }

    private static Throwable duplicate(Throwable failure) {
        return DatabaseErrors.violated(failure, ACCOUNT_EMAIL_KEY)
                ? ApiProblem.conflict("An account with this email already exists; log in instead")
                : failure;
    }
}
