using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Customers;

/// <summary>
/// Keeps the identifier rows that come from the customer's own mobile, email and member card in step with the record.
/// Rows from other sources (imports, WeChat, identity resolution) are left alone: they link other records to this customer.
/// </summary>
static class ProfileIdentifiers
{
    public const string Source = "profile";

    static readonly IdentifierKind[] Kinds = [IdentifierKind.Mobile, IdentifierKind.Email, IdentifierKind.MemberCard];

    /// <summary>Names each field whose value another customer already owns; (kind, value) is unique across customers.</summary>
    public static async Task CheckOwnersAsync(PatronDb db, Guid customerId, CustomerValues values, ValidationErrors errors, CancellationToken ct)
    {
        foreach (var (kind, value, field) in values.Identifiers())
        {
            var owned = await db.CustomerIdentifiers.AnyAsync(i => i.Kind == kind && i.Value == value && i.CustomerId != customerId, ct);
            if (owned) errors.Add(field, $"Another customer already has this {Describe(kind)}.");
        }
    }

    public static async Task SyncAsync(PatronDb db, Guid customerId, CustomerValues values, DateTime utcNow, CancellationToken ct)
    {
        var existing = await db.CustomerIdentifiers.Where(i => i.CustomerId == customerId && Kinds.Contains(i.Kind)).ToListAsync(ct);
        var wanted = values.Identifiers().ToDictionary(i => i.Kind, i => i.Value);
        foreach (var kind in Kinds)
        {
            var value = wanted.GetValueOrDefault(kind);
            foreach (var stale in existing.Where(i => i.Kind == kind && i.Source == Source && i.Value != value))
                db.CustomerIdentifiers.Remove(stale);
            if (value is not null && !existing.Any(i => i.Kind == kind && i.Value == value))
                db.CustomerIdentifiers.Add(new CustomerIdentifier
                {
                    Id = Ids.New(), CustomerId = customerId, Kind = kind, Value = value, Source = Source, CreatedAt = utcNow,
                });
        }
    }

    /// <summary>
    /// Saves the unit of work. When a concurrent request took one of the values between the check and the insert, the
    /// unique index refuses the row (DbUpdateException on both providers): report it as the check would have. False: rejected.
    /// </summary>
    public static Task<bool> SaveAsync(PatronDb db, Guid customerId, CustomerValues values, ValidationErrors errors, CancellationToken ct) =>
        UniqueSave.TrySaveAsync(db, errors, () => CheckOwnersAsync(db, customerId, values, errors, ct), ct);

    static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Mobile => "mobile number",
        IdentifierKind.Email => "email address",
        IdentifierKind.MemberCard => "member card number",
        _ => kind.ToString(),
    };
}
