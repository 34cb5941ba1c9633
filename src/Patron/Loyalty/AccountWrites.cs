using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>
/// Runs a write to one customer's points under optimistic concurrency. An attempt reads the account and lots,
/// changes them and raises the account's version; SaveChanges updates the account only where the version is still
/// the one read, so a concurrent writer makes it fail with <see cref="DbUpdateConcurrencyException"/> and the
/// attempt is run again on fresh data. A unique-key clash (two first writes creating the account, or a replay
/// racing its original) is a <see cref="DbUpdateException"/> and is retried the same way; the retry then sees the
/// winner's row.
/// </summary>
static class AccountWrites
{
    /// <summary>Each round at least one contender commits, so this covers a burst of this many writers to one customer.</summary>
    public const int MaxAttempts = 40;

    public static async Task<T> RetryAsync<T>(PatronDb db, Func<Task<T>> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException) when (n < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                // A little jitter, so that losers do not all come back at the same instant and collide again.
                await Task.Delay(Random.Shared.Next(0, Math.Min(2 * n, 20)), ct);
            }
        }
    }

    /// <summary>The customer's account, tracked; a new one (added) on their first write.</summary>
    public static async Task<PointsAccount> LoadAsync(PatronDb db, Guid customerId, DateTime now, CancellationToken ct)
    {
        var account = await db.Set<PointsAccount>().FirstOrDefaultAsync(a => a.CustomerId == customerId, ct);
        if (account is not null) return account;
        account = new PointsAccount { CustomerId = customerId, UpdatedAt = now };
        db.Add(account);
        return account;
    }

    /// <summary>Applies an entry to the account: the balance follows the ledger and the version moves on.</summary>
    public static void Apply(PointsAccount account, PointsEntry entry)
    {
        account.Balance += entry.Points;
        account.Version++;
        account.UpdatedAt = entry.CreatedAt;
    }
}
