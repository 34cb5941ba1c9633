using Microsoft.EntityFrameworkCore;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

public sealed record EvaluateTiers(DateTime AsOf);

public sealed record TiersEvaluated(int Reviewed, int Downgraded, int Upgraded)
{
    // The job-run record and the log show this line.
    public override string ToString() => $"reviewed {Reviewed} members: {Upgraded} upgraded, {Downgraded} downgraded";
}

/// <summary>
/// The scheduled review: every member whose review date (plus the grace days) has come is placed in the tier their
/// rolling-window measure qualifies for at <see cref="EvaluateTiers.AsOf"/>, and holds it for another window.
/// This is the only place a tier goes down. Running it twice for the same instant changes nothing the second time.
/// </summary>
public sealed class EvaluateTiersHandler(PatronDb db)
{
    const int Batch = 500;

    public async Task<TiersEvaluated> HandleAsync(EvaluateTiers request, CancellationToken ct = default)
    {
        var asOf = DateTime.SpecifyKind(request.AsOf, DateTimeKind.Utc);
        var settings = await LoyaltySettings.LoadAsync(db, ct);
        var ladder = await TierMeasure.LadderAsync(db, ct);
        if (ladder.Count == 0) return new TiersEvaluated(0, 0, 0);
        var rankOf = ladder.ToDictionary(l => l.Tier.Id, l => l.Tier.Rank);
        var dueBy = asOf.AddDays(-settings.TierGraceDays);
        int reviewed = 0, down = 0, up = 0;
        while (true)
        {
            // Each reviewed member moves their review date past asOf, so the next batch is the next members.
            var due = await db.Set<MemberTier>().Where(m => m.ReviewAt <= dueBy).OrderBy(m => m.CustomerId).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) break;
            foreach (var member in due)
            {
                var measure = await TierMeasure.OfAsync(db, settings, member.CustomerId, asOf, ct);
                var rung = TierLadder.Qualifying(measure, ladder.Select(l => l.Rung)) ?? ladder[0].Rung;
                var kind = rung.Rank.CompareTo(rankOf[member.TierId]) switch { < 0 => TierChangeKind.Downgrade, > 0 => TierChangeKind.Upgrade, _ => TierChangeKind.Renewed };
                if (kind != TierChangeKind.Renewed)
                {
                    db.Add(new TierChange
                    {
                        Id = Ids.New(), CustomerId = member.CustomerId, FromTierId = member.TierId, ToTierId = rung.TierId,
                        Kind = kind, Measure = measure, At = asOf,
                    });
                    member.TierId = rung.TierId;
                    member.Since = asOf;
                    if (kind == TierChangeKind.Downgrade) down++; else up++;
                }
                member.ReviewAt = asOf.AddDays(settings.TierWindowDays);
                reviewed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new TiersEvaluated(reviewed, down, up);
    }
}
