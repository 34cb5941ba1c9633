using Patron.Engine.Segments;

namespace Patron.Engine.Features;

/// <summary>
/// Correcting a customer after a refund. Counters such as distinct purchase days, favourite store and per-category
/// last days cannot be undone by subtraction (which order set them is not kept), so the customer's purchases are
/// replaced wholesale: cost grows with that customer's history, not with N.
/// </summary>
public sealed partial class FeatureStore
{
    /// <summary>
    /// Clears the customer's purchase counters and applies <paramref name="purchases"/> in their place (an unknown
    /// customer is added with no profile facts). Pass them in date order for the same favourite-store tie-break as a load.
    /// </summary>
    public void ReplacePurchases(Guid customer, IEnumerable<PurchaseFact> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var i = positions.TryGetValue(customer, out var known) ? known : Upsert(customer, new CustomerFacts());
        ClearPurchases(i);
        var wasBulk = bulk;
        bulk = true;
        try
        {
            foreach (var p in purchases) ApplyPurchase(customer, p);
        }
        finally
        {
            bulk = wasBulk;
        }
        if (!bulk) Refresh(i);
    }

    void ClearPurchases(int i)
    {
        frequency[i] = monetary[i] = lifetimeSpend[i] = lineTotal[i] = 0;
        firstDay[i] = lastDay[i] = DateColumn.Missing;
        days[i] = [];
        if (dayAmounts is not null) dayAmounts[i] = [];
        storeCounts[i] = [];
        favouriteStore[i] = -1;
        foreach (var c in channelOrders) c[i] = 0;
        foreach (var c in categorySpend) c[i] = 0;
        foreach (var c in categoryOrders) c[i] = 0;
        foreach (var c in categoryLast) c[i] = DateColumn.Missing;
    }
}
