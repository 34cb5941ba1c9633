using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Customers.Contracts;

/// <summary>
/// A customer as an import row describes it, every value already cleaned and normalised (<see cref="Normalise"/>).
/// Identifiers are in E.164 (mobile), <see cref="Normalise.EmailKey"/> form (email) and card form (member card);
/// <paramref name="BuyerId"/> is a platform account name, scoped by the caller (e.g. "taobao:小明").
/// </summary>
public sealed record ImportedCustomer(
    string Name, Gender Gender = Gender.Unknown, DateOnly? Birthday = null, string? Mobile = null, string? Email = null,
    string? MemberCard = null, string? BuyerId = null, string? Province = null, string? City = null, string? District = null,
    string? Address = null, Guid? StoreId = null)
{
    /// <summary>The identifiers in the order they decide a match: a member card or mobile is stronger than an email or a nickname.</summary>
    public IEnumerable<(IdentifierKind Kind, string Value)> Identifiers()
    {
        if (MemberCard is not null) yield return (IdentifierKind.MemberCard, MemberCard);
        if (Mobile is not null) yield return (IdentifierKind.Mobile, Mobile);
        if (Email is not null) yield return (IdentifierKind.Email, Normalise.EmailKey(Email));
        if (BuyerId is not null) yield return (IdentifierKind.PlatformBuyerId, BuyerId);
    }
}

/// <summary>The customer a row resolved to, and whether this call created it.</summary>
public readonly record struct ResolvedCustomer(Guid Id, bool Created);

/// <summary>
/// Deterministic resolution for bulk imports: a row is the customer that already owns one of its identifiers, else a
/// new customer. Rows of one batch that share an identifier resolve to one customer. Identifiers the row brings that
/// nobody owns yet are linked to the customer it resolved to; one owned by a different customer is left alone
/// (two customers sharing it is for identity resolution to judge, not for an import to force).
/// Existing customers' fields are not overwritten: survivorship is identity resolution's rule, not the import's.
/// Runs in the caller's transaction; bulk-writes the new rows.
/// </summary>
public sealed class CustomerImportWriter(PatronDb db)
{
    readonly IdSequence ids = new();

    public async Task<ResolvedCustomer[]> ResolveAsync(IReadOnlyList<ImportedCustomer> rows, string source, DateTime utcNow, CancellationToken ct)
    {
        var plan = Plan(rows, await OwnersAsync(db, rows, ct), source, utcNow);
        await plan.WriteAsync(db, ct);
        return plan.Results;
    }

    /// <summary>
    /// Decides the batch without writing it: which customer each row is, which customers and identifiers are new.
    /// <paramref name="owners"/> holds the owner of every identifier the rows name that exists (see
    /// <see cref="OwnersAsync"/>, plus whatever a caller knows is about to exist); the new identifiers are added to it.
    /// </summary>
    public CustomerImportPlan Plan(
        IReadOnlyList<ImportedCustomer> rows, Dictionary<(IdentifierKind Kind, string Value), Guid> owners, string source, DateTime utcNow)
    {
        var results = new ResolvedCustomer[rows.Count];
        var customers = new List<Customer>();
        var identifiers = new List<CustomerIdentifier>();
        for (var i = 0; i < rows.Count; i++)
        {
            var keys = rows[i].Identifiers().ToList();
            Guid? found = null;
            foreach (var key in keys)
                if (owners.TryGetValue(key, out var owner)) { found = owner; break; }
            var id = found ?? ids.Next();
            if (found is null) customers.Add(New(rows[i], id, utcNow));
            // A later row of this batch that matches a customer created by an earlier row is a match, not a creation.
            results[i] = new ResolvedCustomer(id, found is null);
            foreach (var key in keys)
                if (owners.TryAdd(key, id))
                    identifiers.Add(new CustomerIdentifier
                    {
                        Id = ids.Next(), CustomerId = id, Kind = key.Kind, Value = key.Value, Source = source, CreatedAt = utcNow,
                    });
        }
        return new CustomerImportPlan(results, customers, identifiers);
    }

    /// <summary>
    /// Who owns each identifier these customers name, in one query for the whole batch: every kind named and every
    /// value named, filtered here to the pairs asked for. The (kind, value) index serves both lists; a value of one
    /// kind under another kind is a cheap miss. One query instead of one per kind saves a round trip and EF's work.
    /// </summary>
    public static async Task<Dictionary<(IdentifierKind Kind, string Value), Guid>> OwnersAsync(
        PatronDb db, IEnumerable<ImportedCustomer> rows, CancellationToken ct)
    {
        var wanted = new HashSet<(IdentifierKind Kind, string Value)>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new List<IdentifierKind>();
        foreach (var row in rows)
            foreach (var key in row.Identifiers())
                if (wanted.Add(key))
                {
                    values.Add(key.Value);
                    if (!kinds.Contains(key.Kind)) kinds.Add(key.Kind);
                }
        var owners = new Dictionary<(IdentifierKind, string), Guid>(wanted.Count);
        if (wanted.Count == 0) return owners;
        var list = values.ToList();
        // One JSON/array parameter per list rather than thousands of scalar parameters.
        var found = await db.CustomerIdentifiers.AsNoTracking()
            .Where(i => EF.Parameter(kinds).Contains(i.Kind) && EF.Parameter(list).Contains(i.Value))
            .Select(i => new { i.Kind, i.Value, i.CustomerId }).ToListAsync(ct);
        foreach (var f in found)
            if (wanted.Contains((f.Kind, f.Value))) owners[(f.Kind, f.Value)] = f.CustomerId;
        return owners;
    }

    static Customer New(ImportedCustomer row, Guid id, DateTime utcNow) => new()
    {
        Id = id, Name = row.Name, Gender = row.Gender, Birthday = row.Birthday, Mobile = row.Mobile, Email = row.Email,
        MemberCardNo = row.MemberCard, Province = row.Province, City = row.City, District = row.District, Address = row.Address,
        SignUpChannel = SignUpChannel.Import, SignUpStoreId = row.StoreId, SignedUpAt = utcNow, CreatedAt = utcNow, UpdatedAt = utcNow,
    };
}

/// <summary>A batch of imported customers decided by <see cref="CustomerImportWriter.Plan"/>, written by <see cref="WriteAsync"/>.</summary>
public sealed class CustomerImportPlan
{
    readonly List<Customer> customers;
    readonly List<CustomerIdentifier> identifiers;

    internal CustomerImportPlan(ResolvedCustomer[] results, List<Customer> customers, List<CustomerIdentifier> identifiers)
    {
        Results = results;
        this.customers = customers;
        this.identifiers = identifiers;
    }

    /// <summary>The customer of each row, in the rows' order.</summary>
    public ResolvedCustomer[] Results { get; }

    /// <summary>The identifiers this plan links, with their customers: owners that a lookup cannot see before the plan commits.</summary>
    public IEnumerable<((IdentifierKind Kind, string Value) Key, Guid Customer)> NewKeys =>
        identifiers.Select(i => ((i.Kind, i.Value), i.CustomerId));

    /// <summary>Bulk-writes the new customers and identifiers in the caller's transaction.</summary>
    public async Task WriteAsync(PatronDb db, CancellationToken ct)
    {
        await BulkWriter.InsertAsync(db, customers, ct);
        await BulkWriter.InsertAsync(db, identifiers, ct);
    }
}
