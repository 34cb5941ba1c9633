using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Tests.Fixtures;

/// <summary>Handlers wired by hand over one context, the way DI wires them per request.</summary>
static class Handlers
{
    public static readonly Actor Clerk = new(ActorKind.User, "user-1", "clerk@patron.test", "127.0.0.1");

    public static CreateCustomerHandler CreateCustomer(PatronDb db) =>
        new(db, new StoreDirectory(db), new AuditLog(db, TimeProvider.System), TimeProvider.System);

    public static UpdateCustomerHandler UpdateCustomer(PatronDb db) =>
        new(db, new StoreDirectory(db), new AuditLog(db, TimeProvider.System), TimeProvider.System);

    public static SearchCustomersHandler SearchCustomers(PatronDb db) => new(db);

    public static GetCustomerProfileHandler CustomerProfile(PatronDb db) =>
        new(db, new CustomerPurchases(db), new StoreDirectory(db), new AuditLog(db, TimeProvider.System));

    public static CreateOrderHandler CreateOrder(PatronDb db, params IOrderObserver[] observers) => new(db, new CustomerDirectory(db), TimeProvider.System, observers);

    public static CreateStoreHandler CreateStore(PatronDb db) => new(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);

    public static CreateCategoryHandler CreateCategory(PatronDb db) => new(db, new AuditLog(db, TimeProvider.System));

    public static CreateProductHandler CreateProduct(PatronDb db) => new(db, new AuditLog(db, TimeProvider.System));

    /// <summary>The value of a successful write; fails the test with the validation errors otherwise.</summary>
    public static T Ok<T>(this WriteResult<T> result) where T : class =>
        result.Value ?? throw new Xunit.Sdk.XunitException($"Expected success, got: {result.Errors?.ToString() ?? "not found"}");

    /// <summary>The field names of a rejected write.</summary>
    public static IReadOnlyCollection<string> Fields<T>(this WriteResult<T> result) where T : class =>
        result.Errors?.ToDictionary().Keys.ToList() ?? throw new Xunit.Sdk.XunitException("Expected validation errors, the write succeeded.");
}
