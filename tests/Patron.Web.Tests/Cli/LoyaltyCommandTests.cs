using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Loyalty;
using Patron.Platform;

namespace Patron.Web.Tests.Cli;

public sealed class LoyaltyCommandTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateTime Earned = new(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Expire_takes_the_points_of_lots_past_expiry_and_reminds_of_lots_expiring_soon_once()
    {
        using var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        var customer = Ids.New();
        await using (var db = PatronDatabase.Create(file.Options))
        {
            db.Customers.Add(new Customer { Id = customer, Name = "李雷", SignedUpAt = Earned, CreatedAt = Earned, UpdatedAt = Earned });
            await db.SaveChangesAsync(Ct);
            var earn = new EarnPointsHandler(db, new Patron.Customers.Contracts.CustomerDirectory(db), new FixedTime(Earned));
            foreach (var (points, expires, key) in new[] { (70L, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), "a"),
                         (30L, new DateTime(2026, 6, 20, 0, 0, 0, DateTimeKind.Utc), "b"), (40L, new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc), "c") })
                Assert.NotNull((await earn.HandleAsync(new EarnPoints(customer, points, key, ExpiresAt: expires), Patron.Platform.Audit.Actor.System, Ct)).Value);
        }

        // On 1 June the first lot (70) expires; with 30 reminder days the one expiring on 20 June (30) is reminded, not the August one.
        var run = await CliRun.RunAsync(file.Options, "loyalty", "expire", "--as-of", "2026-06-01T00:00:00Z");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Expired 70 points in 1 lots", run.Output);
        Assert.Contains("Recorded 1 expiry reminders for 30 points", run.Output);
        var again = await CliRun.RunAsync(file.Options, "loyalty", "expire", "--as-of", "2026-06-01T00:00:00Z");
        Assert.Contains("Expired 0 points in 0 lots", again.Output);
        Assert.Contains("Recorded 0 expiry reminders", again.Output);

        await using var check = PatronDatabase.Create(file.Options);
        Assert.Equal(70, (await check.Set<PointsAccount>().SingleAsync(Ct)).Balance);
        Assert.Equal(new DateTime(2026, 6, 20, 0, 0, 0, DateTimeKind.Utc), (await check.Set<ExpiryReminder>().SingleAsync(Ct)).ExpiresAt);
    }

    [Fact]
    public async Task Evaluate_tiers_downgrades_a_member_whose_review_has_come_without_the_spend()
    {
        using var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        Assert.Contains("Wrote 4 tiers", (await CliRun.RunAsync(file.Options, "loyalty", "default-tiers")).Output);
        var customer = Ids.New();
        await using (var db = PatronDatabase.Create(file.Options))
        {
            var gold = await db.Set<LoyaltyTier>().SingleAsync(t => t.Code == "gold", Ct);
            db.Customers.Add(new Customer { Id = customer, Name = "韩梅梅", SignedUpAt = Earned, CreatedAt = Earned, UpdatedAt = Earned });
            db.Add(new MemberTier { CustomerId = customer, TierId = gold.Id, Since = Earned.AddDays(-365), ReviewAt = Earned });
            await db.SaveChangesAsync(Ct);
        }
        var run = await CliRun.RunAsync(file.Options, "loyalty", "evaluate-tiers", "--as-of", "2026-01-10T00:00:00Z");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Reviewed 1 members: 1 downgraded, 0 upgraded", run.Output);
        Assert.Contains("Reviewed 0 members", (await CliRun.RunAsync(file.Options, "loyalty", "evaluate-tiers", "--as-of", "2026-01-10T00:00:00Z")).Output);
        Assert.Equal(1, (await CliRun.RunAsync(file.Options, "loyalty", "evaluate-tiers", "--as-of", "yesterday")).ExitCode);
    }

    sealed class FixedTime(DateTime at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(at);
    }

    [Fact]
    public async Task Issue_triggered_gives_a_birthday_coupon_once_and_records_the_run()
    {
        using var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        var customer = Ids.New();
        await using (var db = PatronDatabase.Create(file.Options))
        {
            db.Customers.Add(new Customer { Id = customer, Name = "李雷", Birthday = new DateOnly(1990, 1, 15), SignedUpAt = Earned, CreatedAt = Earned, UpdatedAt = Earned });
            var template = new CouponTemplate { Id = Ids.New(), Name = "生日券", Kind = Patron.Engine.Loyalty.CouponKind.AmountOff, AmountOff = 1000, ValidDays = 30, CreatedAt = Earned };
            db.AddRange(template, new CouponTrigger { Id = Ids.New(), TemplateId = template.Id, Kind = TriggerKind.Birthday, Days = 7, CreatedAt = Earned });
            await db.SaveChangesAsync(Ct);
        }

        // 10 January (08:00 in Shanghai): the birthday on the 15th is 5 days away, within 7.
        var run = await CliRun.RunAsync(file.Options, "loyalty", "issue-triggered", "--as-of", "2026-01-10T00:00:00Z");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Birthday 1", run.Output);
        Assert.Contains("Birthday 0", (await CliRun.RunAsync(file.Options, "loyalty", "issue-triggered", "--as-of", "2026-01-11T00:00:00Z")).Output);

        await using var check = PatronDatabase.Create(file.Options);
        Assert.Equal(customer, (await check.Set<Coupon>().SingleAsync(Ct)).CustomerId);
        Assert.Equal(2, await check.Set<LoyaltyJobRun>().CountAsync(r => r.Job == LoyaltyJobs.IssueTriggered && r.Succeeded, Ct));
    }
}
