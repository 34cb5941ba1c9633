using Patron.Customers.Contracts;

namespace Patron.Segmentation;

/// <summary>
/// Segment membership history follows the customer in a merge. Where both were in the same segment the survivor holds
/// two stays for a while; the next refresh re-cuts memberships from the merged purchase history.
/// </summary>
sealed class SegmentsMergeParticipant(MergeRows rows) : ICustomerMergeParticipant
{
    public Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct) =>
        rows.MoveAsync<SegmentMembership>(absorbed, survivor, mergeId, ct: ct);

    public Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct) =>
        rows.RestoreAsync<SegmentMembership>(absorbed, survivor, mergeId, ct: ct);
}
