using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Patron.Customers.Contracts;

namespace Patron.Segmentation;

/// <summary>
/// Segment membership history follows the customer in a merge. Where both were in the same segment the survivor holds
/// two stays for a while; the next refresh re-cuts memberships from the merged purchase history. Once the merge (or the
/// unmerge) is committed, the feature store re-reads both customers, so counts and rules see the moved orders at once,
/// and the refresher is woken so memberships follow within seconds.
/// </summary>
sealed class SegmentsMergeParticipant(MergeRows rows, SegmentationEngine engine, SegmentationSignal signal, LifecycleTransitionsCache transitions,
    ILogger<SegmentsMergeParticipant>? log = null) : ICustomerMergeParticipant
{
    public Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct) =>
        rows.MoveAsync<SegmentMembership>(absorbed, survivor, mergeId, ct: ct);

    public Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct) =>
        rows.RestoreAsync<SegmentMembership>(absorbed, survivor, mergeId, ct: ct);

    public async Task CommittedAsync(Guid absorbed, Guid survivor, CancellationToken ct)
    {
        // Both customers' histories changed as of their first order: every cached month may have counted them.
        transitions.Clear();
        try
        {
            await engine.RereadAsync([survivor, absorbed], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The merge is committed and must be reported as done; the store is only behind until the next start-up.
            (log ?? NullLogger<SegmentsMergeParticipant>.Instance).LogError(e, "The feature store could not re-read customers {Survivor} and {Absorbed} after a merge.", survivor, absorbed);
        }
        signal.Poke();
    }
}
