using Microsoft.EntityFrameworkCore;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>
/// Upgrades as soon as a threshold is met: called after each earning. Never downgrades (that waits for the review,
/// see <see cref="EvaluateTiersHandler"/>). A customer's first qualifying order puts them on the ladder.
/// </summary>
public sealed class TierUpgrades(PatronDb db)
{
    public async Task UpgradeAsync(Guid customerId, DateTime now, CancellationToken ct)
    {
        var ladder = await TierMeasure.LadderAsync(db, ct);
        if (ladder.Count == 0) return;
        var settings = await LoyaltySettings.LoadAsync(db, ct);
        await AccountWrites.RetryAsync(db, async () =>
        {
            var measure = await TierMeasure.OfAsync(db, settings, customerId, now, ct);
            if (TierLadder.Qualifying(measure, ladder.Select(l => l.Rung)) is not { } rung) return false;
            var current = await db.Set<MemberTier>().FirstOrDefaultAsync(m => m.CustomerId == customerId, ct);
            var currentRank = current is null ? -1 : ladder.First(l => l.Tier.Id == current.TierId).Tier.Rank;
            if (rung.Rank <= currentRank) return false;
            if (current is null)
                db.Add(current = new MemberTier { CustomerId = customerId, TierId = rung.TierId });
            var from = currentRank < 0 ? (Guid?)null : current.TierId;
            current.TierId = rung.TierId;
            current.Since = now;
            current.ReviewAt = now.AddDays(settings.TierWindowDays);
            db.Add(new TierChange
            {
                Id = Ids.New(), CustomerId = customerId, FromTierId = from, ToTierId = rung.TierId,
                Kind = from is null ? TierChangeKind.Joined : TierChangeKind.Upgrade, Measure = measure, At = now,
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        db.ChangeTracker.Clear();
    }
}
