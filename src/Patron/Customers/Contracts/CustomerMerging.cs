namespace Patron.Customers.Contracts;

/// <summary>
/// A module that holds rows pointing at customers takes part in merges: when one customer is absorbed into another,
/// MoveAsync re-points the absorbed customer's rows at the survivor and records each moved row with
/// <see cref="MergeRows"/>; RestoreAsync puts exactly those rows back when the merge is undone. Both run inside the
/// merge's transaction, and the merge saves the recorded moves.
/// </summary>
public interface ICustomerMergeParticipant
{
    /// <summary>Why these two customers cannot be merged (null when they can), e.g. both hold a points account.</summary>
    Task<string?> CheckAsync(Guid absorbed, Guid survivor, CancellationToken ct) => Task.FromResult<string?>(null);

    Task MoveAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct);

    Task RestoreAsync(Guid absorbed, Guid survivor, Guid mergeId, CancellationToken ct);

    /// <summary>
    /// After a merge or an unmerge committed, for state kept outside the database (the segmentation feature store) that
    /// must re-read both customers. Not called when the merge ran inside a caller's transaction, which could still roll
    /// back; such state then catches up at its next full load.
    /// </summary>
    Task CommittedAsync(Guid absorbed, Guid survivor, CancellationToken ct) => Task.CompletedTask;
}
