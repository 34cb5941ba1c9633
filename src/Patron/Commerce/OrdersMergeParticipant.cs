using Patron.Customers.Contracts;

namespace Patron.Commerce;

/// <summary>
/// Orders follow the customer in a merge, with their lines and refunds, which carry the customer id too (each table
/// has an index on it).
/// </summary>
sealed class OrdersMergeParticipant(MergeRows rows) : ICustomerMergeParticipant
{
    public async Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.MoveAsync<OrderLine>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<OrderRefund>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<Order>(absorbed, survivor, mergeId, ct: ct);
    }

    public async Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.RestoreAsync<Order>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<OrderLine>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<OrderRefund>(absorbed, survivor, mergeId, ct: ct);
    }
}
