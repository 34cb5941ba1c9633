using Patron.Customers.Contracts;

namespace Patron.Loyalty;

/// <summary>How a till commit names the order it belongs to before that order exists: its source and external id.</summary>
static class TillOrders
{
    public static string Ref(SalesChannel source, string externalId) => $"{source}:{externalId}";

    /// <summary>The source and external id back from a ref; null for one that does not parse.</summary>
    public static (SalesChannel Source, string ExternalId)? Parse(string orderRef)
    {
        var colon = orderRef.IndexOf(':');
        return colon > 0 && Enum.TryParse<SalesChannel>(orderRef[..colon], out var source) ? (source, orderRef[(colon + 1)..]) : null;
    }
}
