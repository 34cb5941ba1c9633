using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Customers;

/// <summary>Replaces the editable fields; an omitted optional field is cleared. Sign-up facts are history and stay.</summary>
public sealed record UpdateCustomer(
    string? Name, Gender Gender = Gender.Unknown, DateOnly? Birthday = null, string? Mobile = null, string? Email = null,
    string? Province = null, string? City = null, string? District = null, string? Address = null, string? Occupation = null,
    string? MemberCardNo = null, ContactChannel PreferredChannel = ContactChannel.None, IReadOnlyList<string>? Tags = null) : ICustomerFields;

/// <summary>Updates a customer and refreshes the identifiers its fields give; audited with the names of the changed fields.</summary>
public sealed class UpdateCustomerHandler(PatronDb db, StoreDirectory stores, AuditLog audit, TimeProvider clock)
{
    public async Task<WriteResult<CustomerDetails>> HandleAsync(Guid id, UpdateCustomer request, Actor actor, bool reveal = false,
        CancellationToken ct = default)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return WriteResult<CustomerDetails>.Missing();

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var values = CustomerValues.Validate(request, now, errors);
        await ProfileIdentifiers.CheckOwnersAsync(db, id, values, errors, ct);
        if (errors.Any) return WriteResult<CustomerDetails>.Invalid(errors);

        var changed = values.ApplyTo(customer);
        // Also repairs identifier rows that records written before this handler (imports, demo data) may lack.
        await ProfileIdentifiers.SyncAsync(db, id, values, now, ct);
        if (changed.Count > 0)
        {
            customer.UpdatedAt = now;
            audit.Add(actor, AuditAction.Update, "customer", id, "changed: " + string.Join(", ", changed));
        }
        if (!await ProfileIdentifiers.SaveAsync(db, id, values, errors, ct)) return WriteResult<CustomerDetails>.Invalid(errors);

        var storeName = customer.SignUpStoreId is { } storeId ? await stores.NameAsync(storeId, ct) : null;
        return WriteResult<CustomerDetails>.Ok(CustomerViews.Details(customer, storeName, reveal));
    }
}
