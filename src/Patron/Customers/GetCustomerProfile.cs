using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Privacy;

namespace Patron.Customers;

public sealed record CustomerProfile(CustomerDetails Customer, IReadOnlyList<IdentifierView> Identifiers, CustomerKpis Kpis,
    IReadOnlyList<EventView> RecentEvents);

/// <param name="Reveal">Show contact details in full; only for callers holding customers.reveal. Audited as a reveal.</param>
public sealed record GetCustomerProfile(Guid Id, Actor Actor, bool Reveal = false, int Events = 50);

/// <summary>The customer 360 read: profile, identifiers, purchase KPIs and recent events. Every read is audited.</summary>
public sealed class GetCustomerProfileHandler(PatronDb db, CustomerPurchases purchases, StoreDirectory catalog, AuditLog audit)
{
    public async Task<CustomerProfile?> HandleAsync(GetCustomerProfile q, CancellationToken ct = default)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == q.Id, ct);
        if (c is null) return null;

        var storeName = c.SignUpStoreId is { } sid ? await catalog.NameAsync(sid, ct) : null;
        var identifiers = await db.CustomerIdentifiers.AsNoTracking().Where(i => i.CustomerId == c.Id).OrderBy(i => i.Kind)
            .Select(i => new IdentifierView(i.Kind, i.Value, i.Source, i.CreatedAt)).ToListAsync(ct);
        var events = await RecentEventsAsync(c.Id, q.Events, ct);
        var kpis = await purchases.KpisAsync(c.Id, ct);

        await audit.RecordAsync(q.Actor, q.Reveal ? AuditAction.Reveal : AuditAction.View, "customer", c.Id,
            q.Reveal ? "mobile, email, identifiers" : null, ct);

        var details = CustomerViews.Details(c, storeName, q.Reveal);
        return new CustomerProfile(details, q.Reveal ? identifiers : identifiers.Select(MaskIdentifier).ToList(), kpis, events);
    }

    async Task<List<EventView>> RecentEventsAsync(Guid customerId, int take, CancellationToken ct)
    {
        var events = await db.CustomerEvents.AsNoTracking().Where(e => e.CustomerId == customerId)
            .OrderByDescending(e => e.At).Take(Math.Clamp(take, 0, 500)).ToListAsync(ct);
        var storeIds = events.Where(e => e.StoreId.HasValue).Select(e => e.StoreId!.Value).Distinct().ToList();
        var productIds = events.Where(e => e.ProductId.HasValue).Select(e => e.ProductId!.Value).Distinct().ToList();
        var stores = await catalog.NamesAsync(storeIds, ct);
        var products = await catalog.ProductNamesAsync(productIds, ct);
        return events.Select(e => new EventView(e.Id, e.Kind, e.At, e.Channel,
            e.StoreId is { } s ? stores.GetValueOrDefault(s) : null, e.ProductId is { } p ? products.GetValueOrDefault(p) : null, e.Payload)).ToList();
    }

    static IdentifierView MaskIdentifier(IdentifierView i) => i with
    {
        Value = i.Kind switch
        {
            IdentifierKind.Mobile => Masking.Mobile(i.Value)!,
            IdentifierKind.Email => Masking.Email(i.Value)!,
            _ => Masking.Tail(i.Value)!,
        },
    };
}
