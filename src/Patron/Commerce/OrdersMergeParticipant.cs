using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Commerce;

/// <summary>
/// Orders follow the customer in a merge, with their lines and refunds (which carry the customer id too). Lines and
/// refunds are found through their order (their customer column has no index) and so move before the orders do.
/// </summary>
sealed class OrdersMergeParticipant(PatronDb db, MergeRows rows) : ICustomerMergeParticipant
{
    public async Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        var orders = db.Orders.Where(o => o.CustomerId == absorbed).Select(o => o.Id);
        await rows.MoveAsync(rows.Of<OrderLine>(absorbed).Where(l => orders.Contains(l.OrderId)), survivor, mergeId, ct: ct);
        await rows.MoveAsync(rows.Of<OrderRefund>(absorbed).Where(r => orders.Contains(r.OrderId)), survivor, mergeId, ct: ct);
        await rows.MoveAsync<Order>(absorbed, survivor, mergeId, ct: ct);
    }

    public async Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.RestoreAsync<Order>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<OrderLine>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<OrderRefund>(absorbed, survivor, mergeId, ct: ct);
    }
}
