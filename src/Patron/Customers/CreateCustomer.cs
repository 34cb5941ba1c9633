using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Customers;

/// <param name="SignedUpAt">UTC; now when omitted.</param>
public sealed record CreateCustomer(
    string? Name, Gender Gender = Gender.Unknown, DateOnly? Birthday = null, string? Mobile = null, string? Email = null,
    string? Province = null, string? City = null, string? District = null, string? Address = null, string? Occupation = null,
    string? MemberCardNo = null, ContactChannel PreferredChannel = ContactChannel.None, IReadOnlyList<string>? Tags = null,
    SignUpChannel SignUpChannel = SignUpChannel.Store, Guid? SignUpStoreId = null, DateTime? SignedUpAt = null) : ICustomerFields;

/// <summary>Creates a customer with normalised contact details and their identifiers; audited as a create.</summary>
public sealed class CreateCustomerHandler(PatronDb db, StoreDirectory stores, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<CustomerDetails>> HandleAsync(CreateCustomer request, Actor actor, bool reveal = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var values = CustomerValues.Validate(request, now, errors);
        if (!Enum.IsDefined(request.SignUpChannel))
            errors.Add("signUpChannel", $"One of {string.Join(", ", Enum.GetNames<SignUpChannel>())}.");
        var signedUpAt = UtcTime.Normalise(request.SignedUpAt, "signedUpAt", errors) ?? now;
        if (signedUpAt > now.AddMinutes(5)) errors.Add("signedUpAt", "Cannot be in the future.");
        var storeName = request.SignUpStoreId is { } storeId ? await stores.NameAsync(storeId, ct) : null;
        if (request.SignUpStoreId is not null && storeName is null) errors.Add("signUpStoreId", "No store has this id.");

        var id = Ids.New();
        await ProfileIdentifiers.CheckOwnersAsync(db, id, values, errors, ct);
        if (errors.Any) return WriteResult<CustomerDetails>.Invalid(errors);

        var customer = new Customer
        {
            Id = id, SignUpChannel = request.SignUpChannel, SignUpStoreId = request.SignUpStoreId, SignedUpAt = signedUpAt,
            CreatedAt = now, UpdatedAt = now,
            // The mini-program's phone authorisation and the app's SMS code confirm the number; a till or an import does not.
            MobileVerified = request.SignUpChannel is SignUpChannel.MiniProgram or SignUpChannel.App,
        };
        values.ApplyTo(customer);
        db.Customers.Add(customer);
        await ProfileIdentifiers.SyncAsync(db, id, values, now, ct);
        audit.Add(actor, AuditAction.Create, "customer", id);
        if (!await ProfileIdentifiers.SaveAsync(db, id, values, errors, ct)) return WriteResult<CustomerDetails>.Invalid(errors);
        return WriteResult<CustomerDetails>.Ok(CustomerViews.Details(customer, storeName, reveal));
    }
}
