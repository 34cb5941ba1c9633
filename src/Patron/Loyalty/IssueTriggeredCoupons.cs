using Microsoft.EntityFrameworkCore;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

public sealed record IssueTriggered(DateTime AsOf);

/// <param name="Coupons">New coupons per trigger kind.</param>
/// <param name="OverLimits">Occurrences left without a coupon because a limit of the template ran out.</param>
/// <param name="BirthdayPoints">Members given their tier's birthday points (the gift as points).</param>
/// <param name="BirthdayCoupons">Members given their tier's birthday coupon.</param>
public sealed record TriggeredIssued(IReadOnlyDictionary<TriggerKind, int> Coupons, int OverLimits, int BirthdayPoints, int BirthdayCoupons)
{
    public override string ToString() =>
        $"{string.Join(", ", Coupons.Select(c => $"{c.Key} {c.Value}"))}; over limits {OverLimits}; birthday gifts: {BirthdayPoints} points, {BirthdayCoupons} coupons";
}

/// <summary>
/// The daily trigger job: issues each active trigger's template to the customers whose occurrence has come, and gives
/// each tier member their tier's birthday gift. Every issue carries a key naming the occurrence (the trigger and the
/// year, the tier change, the lapse), and (customer, key) is unique, so a rerun, or two hosts running it at once,
/// gives nobody a second coupon for the same occurrence. Dates are local dates in the programme's zone.
/// </summary>
public sealed class IssueTriggeredCouponsHandler(PatronDb db, CustomerBirthdays birthdays, PurchaseDates purchases, EarnPointsHandler earn)
{
    /// <summary>A birthday gift not given on the day (the job did not run) is still given this many days after.</summary>
    public const int GiftCatchUpDays = 7;

    public async Task<TriggeredIssued> HandleAsync(IssueTriggered request, CancellationToken ct = default)
    {
        var asOf = request.AsOf;
        var settings = await LoyaltySettings.LoadAsync(db, ct);
        var today = settings.LocalDate(asOf);
        var templates = await db.Set<CouponTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var triggers = (await db.Set<CouponTrigger>().AsNoTracking().Where(t => t.Active && t.CreatedAt <= asOf).ToListAsync(ct))
            .Where(t => templates.TryGetValue(t.TemplateId, out var template) && CouponIssuer.Issuable(template, asOf)).ToList();
        var tally = new Tally();

        foreach (var trigger in triggers)
        {
            var template = templates[trigger.TemplateId];
            foreach (var (customerId, key) in await OccurrencesAsync(trigger, today, asOf, ct))
                tally.Count(trigger.Kind, (await CouponIssuer.IssueAsync(db, template, customerId, key, asOf, ct)).Outcome);
        }
        await GiftsAsync(settings, templates, today, asOf, tally, ct);
        return new TriggeredIssued(tally.Coupons, tally.OverLimits, tally.GiftPoints, tally.GiftCoupons);
    }

    async Task<List<(Guid, string)>> OccurrencesAsync(CouponTrigger trigger, DateOnly today, DateTime asOf, CancellationToken ct)
    {
        var prefix = $"trigger:{trigger.Id:N}";
        switch (trigger.Kind)
        {
            case TriggerKind.Birthday:
                var due = new List<(Guid, string)>();
                await foreach (var (customerId, birthday) in birthdays.AllAsync(ct))
                {
                    var next = Occurrence(birthday, today.Year);
                    if (next < today) next = Occurrence(birthday, today.Year + 1);
                    if (next.DayNumber - today.DayNumber <= trigger.Days) due.Add((customerId, $"{prefix}:{next.Year}"));
                }
                return due;
            case TriggerKind.TierUpgrade:
                var changes = db.Set<TierChange>().AsNoTracking().Where(c => c.At >= trigger.CreatedAt && c.At <= asOf);
                changes = trigger.TierId is { } tierId
                    ? changes.Where(c => c.ToTierId == tierId && (c.Kind == TierChangeKind.Upgrade || c.Kind == TierChangeKind.Joined))
                    : changes.Where(c => c.Kind == TierChangeKind.Upgrade);
                return (await changes.Select(c => new { c.CustomerId, c.Id }).ToListAsync(ct)).Select(c => (c.CustomerId, $"{prefix}:{c.Id:N}")).ToList();
            case TriggerKind.FirstPurchase:
                return (await purchases.FirstPurchasesAsync(trigger.CreatedAt, asOf, ct)).Select(p => (p.CustomerId, $"{prefix}:first")).ToList();
            case TriggerKind.WinBack:
                // The lapse happens Days after the last purchase; only lapses since the trigger exists count, one coupon each.
                var lapsed = await purchases.LastPurchasesAsync(trigger.CreatedAt.AddDays(-trigger.Days), asOf.AddDays(-trigger.Days), ct);
                return lapsed.Select(p => (p.CustomerId, $"{prefix}:{p.Last:yyyyMMddHHmmss}")).ToList();
            default:
                return [];
        }
    }

    async Task GiftsAsync(LoyaltySettings settings, Dictionary<Guid, CouponTemplate> templates, DateOnly today, DateTime asOf, Tally tally,
        CancellationToken ct)
    {
        var tiers = await db.Set<LoyaltyTier>().AsNoTracking().Where(t => t.BirthdayPoints > 0 || t.BirthdayCouponTemplateId != null)
            .ToDictionaryAsync(t => t.Id, ct);
        if (tiers.Count == 0) return;
        var tierIds = tiers.Keys.ToList();
        var members = await db.Set<MemberTier>().AsNoTracking().Where(m => tierIds.Contains(m.TierId)).ToDictionaryAsync(m => m.CustomerId, m => m.TierId, ct);
        // Read the birthdays first: the writes below need the connection the stream would hold.
        var due = new List<(Guid CustomerId, Guid TierId, DateOnly Day)>();
        await foreach (var (customerId, birthday) in birthdays.AllAsync(ct))
        {
            if (!members.TryGetValue(customerId, out var memberTier)) continue;
            var birthdayThisYear = Occurrence(birthday, today.Year);
            if (birthdayThisYear <= today && today.DayNumber - birthdayThisYear.DayNumber < GiftCatchUpDays) due.Add((customerId, memberTier, birthdayThisYear));
        }
        foreach (var (customerId, tierId, day) in due)
        {
            var tier = tiers[tierId];
            var key = $"birthday-gift:{day.Year}";
            if (tier.BirthdayPoints > 0)
            {
                var earned = await earn.HandleAsync(new EarnPoints(customerId, tier.BirthdayPoints, key, $"生日礼 Birthday gift ({tier.Name})",
                    AvailableFrom: asOf, ExpiresAt: settings.ExpiryFor(asOf)), Actor.System, ct);
                if (earned.Value is { Replayed: false }) tally.GiftPoints++;
            }
            if (tier.BirthdayCouponTemplateId is { } templateId && templates.TryGetValue(templateId, out var template) && CouponIssuer.Issuable(template, asOf))
            {
                var outcome = (await CouponIssuer.IssueAsync(db, template, customerId, key, asOf, ct)).Outcome;
                if (outcome == IssueOutcome.Issued) tally.GiftCoupons++;
                else if (outcome is IssueOutcome.CustomerLimit or IssueOutcome.TotalLimit) tally.OverLimits++;
            }
        }
    }

    /// <summary>The birthday in a given year; 29 February is celebrated on the 28th in other years.</summary>
    public static DateOnly Occurrence(DateOnly birthday, int year) =>
        new(year, birthday.Month, Math.Min(birthday.Day, DateTime.DaysInMonth(year, birthday.Month)));

    sealed class Tally
    {
        public Dictionary<TriggerKind, int> Coupons { get; } = Enum.GetValues<TriggerKind>().ToDictionary(k => k, _ => 0);
        public int OverLimits { get; set; }
        public int GiftPoints { get; set; }
        public int GiftCoupons { get; set; }

        public void Count(TriggerKind kind, IssueOutcome outcome)
        {
            if (outcome == IssueOutcome.Issued) Coupons[kind]++;
            else if (outcome is IssueOutcome.CustomerLimit or IssueOutcome.TotalLimit) OverLimits++;
        }
    }
}
