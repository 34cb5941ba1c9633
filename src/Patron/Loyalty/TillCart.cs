using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Engine.Loyalty;
using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>One cart line at the till: the product and what it costs (fen, quantity × price less line discounts).</summary>
public sealed record TillLine(Guid ProductId, long Amount);

/// <summary>The cart and the customer's standing that quote and commit both work from.</summary>
sealed record TillCart(IReadOnlyList<CartLine> Lines, long Total, LoyaltyTier? Tier, LoyaltySettings Settings)
{
    public long TierDiscount => Tier is null ? 0 : (long)((Int128)Total * Tier.DiscountPercent / 100);

    public static async Task<TillCart?> LoadAsync(PatronDb db, StoreDirectory catalogue, Guid customerId, IReadOnlyList<TillLine>? lines,
        ValidationErrors errors, CancellationToken ct)
    {
        if (lines is not { Count: > 0 }) errors.Add("lines", "The cart is empty.");
        else
            for (var i = 0; i < lines.Count; i++)
                if (lines[i].Amount < 0) errors.Add($"lines[{i}].amount", "Must not be negative.");
        if (errors.Any) return null;
        var categories = await catalogue.ProductCategoriesAsync(lines!.Select(l => l.ProductId).Distinct().ToList(), ct);
        for (var i = 0; i < lines!.Count; i++)
            if (!categories.ContainsKey(lines[i].ProductId)) errors.Add($"lines[{i}].productId", "No product has this id.");
        if (errors.Any) return null;
        var tier = await (from m in db.Set<MemberTier>() join t in db.Set<LoyaltyTier>() on m.TierId equals t.Id
                          where m.CustomerId == customerId select t).AsNoTracking().FirstOrDefaultAsync(ct);
        var cart = lines.Select(l => new CartLine(l.ProductId, categories[l.ProductId], l.Amount)).ToList();
        return new TillCart(cart, cart.Sum(l => l.Amount), tier, await LoyaltySettings.LoadAsync(db, ct));
    }

    /// <summary>The customer's coupons usable now, with their templates; only those with the given codes when codes are given.</summary>
    public static async Task<List<(Coupon Coupon, CouponTemplate Template)>> UsableCouponsAsync(PatronDb db, Guid customerId, DateTime now,
        IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        var query = from c in db.Set<Coupon>()
                    join t in db.Set<CouponTemplate>() on c.TemplateId equals t.Id
                    where c.CustomerId == customerId && c.Status == CouponStatus.Issued
                        && (c.ValidFrom == null || c.ValidFrom <= now) && (c.ValidTo == null || c.ValidTo > now)
                    select new { c, t };
        if (codes is not null) query = query.Where(x => codes.Contains(x.c.Code));
        return (await query.AsNoTracking().OrderBy(x => x.c.ValidTo).ToListAsync(ct)).Select(x => (x.c, x.t)).ToList();
    }
}
