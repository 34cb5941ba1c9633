using Patron.Customers.Contracts;

namespace Patron.Loyalty;

/// <summary>How a till commit names the order it belongs to before that order exists: its source and external id.</summary>
static class TillOrders
{
    public static string Ref(SalesChannel source, string externalId) => $"{source}:{externalId}";
}
