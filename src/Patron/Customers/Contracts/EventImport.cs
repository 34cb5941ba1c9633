using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Bulk;

namespace Patron.Customers.Contracts;

/// <summary>
/// A behaviour event from outside, cleaned. <paramref name="Who"/> carries the identifiers that name the customer
/// (its other fields are not read); <paramref name="ExternalId"/> is the event's id in <c>source</c>, or a row hash.
/// </summary>
public sealed record ImportedEvent(
    string ExternalId, EventKind Kind, DateTime At, SalesChannel Channel, ImportedCustomer Who, Guid? StoreId = null, string? Payload = null);

public enum EventOutcome { Created, Duplicate, UnknownCustomer }

/// <summary>
/// Appends imported events in the caller's transaction. An event is filed under the customer that owns one of its
/// identifiers (strongest first, as <see cref="ImportedCustomer.Identifiers"/> orders them); an event whose customer
/// is not known is not written and no customer is created for it: a page view is not a sign-up.
/// (Source, ExternalId) decides duplicates, in the database and within the batch.
/// </summary>
public sealed class EventImportWriter(PatronDb db)
{
    public const int MaxExternalId = 128;

    public async Task<EventOutcome[]> WriteAsync(IReadOnlyList<ImportedEvent> events, string source, CancellationToken ct)
    {
        var ids = events.Select(e => e.ExternalId).Distinct().ToList();
        var seen = (await db.CustomerEvents.AsNoTracking()
            .Where(e => e.Source == source && EF.Parameter(ids).Contains(e.ExternalId!))
            .Select(e => e.ExternalId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var owners = await CustomerImportWriter.OwnersAsync(db, events.Select(e => e.Who), ct);
        var outcomes = new EventOutcome[events.Count];
        var rows = new List<CustomerEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            Guid? customer = null;
            foreach (var key in e.Who.Identifiers())
                if (owners.TryGetValue(key, out var owner)) { customer = owner; break; }
            if (customer is null) { outcomes[i] = EventOutcome.UnknownCustomer; continue; }
            if (!seen.Add(e.ExternalId)) { outcomes[i] = EventOutcome.Duplicate; continue; }
            outcomes[i] = EventOutcome.Created;
            rows.Add(new CustomerEvent
            {
                Id = Ids.New(), CustomerId = customer.Value, Kind = e.Kind, At = e.At, Channel = e.Channel, StoreId = e.StoreId,
                Payload = e.Payload, Source = source, ExternalId = e.ExternalId,
            });
        }
        await BulkWriter.InsertAsync(db, rows, ct);
        return outcomes;
    }
}
