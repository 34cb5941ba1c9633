using Patron.Customers.Contracts;

namespace Patron.Customers.Merging;

/// <summary>The customers module's own rows: identifiers (so the absorbed mobile, card and ids now find the survivor) and events.</summary>
sealed class CustomersMergeParticipant(MergeRows rows) : ICustomerMergeParticipant
{
    public async Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.MoveAsync<CustomerIdentifier>(absorbed, survivor, mergeId, ct: ct);
        await rows.MoveAsync<CustomerEvent>(absorbed, survivor, mergeId, ct: ct);
    }

    public async Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct)
    {
        await rows.RestoreAsync<CustomerIdentifier>(absorbed, survivor, mergeId, ct: ct);
        await rows.RestoreAsync<CustomerEvent>(absorbed, survivor, mergeId, ct: ct);
    }
}
