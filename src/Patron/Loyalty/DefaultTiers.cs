using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>The usual ladder of a Chinese retail programme, by net spend over a year; written once when there is none.</summary>
public sealed class DefaultTiersHandler(PatronDb db)
{
    public static IReadOnlyList<LoyaltyTier> Ladder() =>
    [
        new() { Code = "regular", Name = "普通会员", Rank = 0, Threshold = 0, PointsMultiplierPercent = 100 },
        new() { Code = "silver", Name = "银卡", Rank = 1, Threshold = 200_000, PointsMultiplierPercent = 120, DiscountPercent = 2 },
        new() { Code = "gold", Name = "金卡", Rank = 2, Threshold = 500_000, PointsMultiplierPercent = 150, DiscountPercent = 5, BirthdayPoints = 500, FreeDelivery = true },
        new() { Code = "diamond", Name = "钻石", Rank = 3, Threshold = 2_000_000, PointsMultiplierPercent = 200, DiscountPercent = 8, BirthdayPoints = 2000, FreeDelivery = true, Perks = "专属客服 / dedicated service" },
    ];

    /// <returns>The number of tiers written: 0 when a ladder exists already.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Set<LoyaltyTier>().AnyAsync(ct)) return 0;
        var tiers = Ladder();
        foreach (var t in tiers) t.Id = Ids.New();
        db.AddRange(tiers);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return tiers.Count;
    }
}
