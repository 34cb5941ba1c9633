using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Patron.Loyalty;
using Patron.Platform;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron loyalty expire|evaluate-tiers|issue-triggered|default-tiers: the programme's scheduled jobs, safe to run again.</summary>
static class LoyaltyCommands
{
    public static Command Create(CliContext context) =>
        new("loyalty", "The loyalty programme's scheduled jobs.") {
            ExpireCommand(context), EvaluateTiersCommand(context), IssueTriggeredCommand(context), DefaultTiersCommand(context),
        };

    static Option<string> AsOf() => new("--as-of") { Description = "The instant to run as, UTC (e.g. 2026-12-31T16:00:00Z); now when omitted." };

    static DateTime ParseAsOf(string? value)
    {
        if (value is null) return DateTime.UtcNow;
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
        throw new CliException($"--as-of: '{value}' is not a time; give e.g. 2026-12-31T16:00:00Z.");
    }

    static Command ExpireCommand(CliContext context)
    {
        var asOf = AsOf();
        var expire = new Command("expire", "Expire the points of lots past their expiry, and record the \"points.expiring\" reminder for lots expiring soon.") { asOf };
        expire.SetAction((parse, ct) => WithScopeAsync(context, async services =>
        {
            var at = ParseAsOf(parse.GetValue(asOf));
            var expired = await services.GetRequiredService<ExpirePointsHandler>().HandleAsync(new ExpirePoints(at), ct);
            var reminded = await services.GetRequiredService<RemindExpiringPointsHandler>().HandleAsync(at, ct);
            context.Console.MarkupLineInterpolated($"Expired {expired.Points} points in {expired.Lots} lots as of {at:yyyy-MM-dd HH:mm:ss}Z.");
            context.Console.MarkupLineInterpolated($"Recorded {reminded.Reminders} expiry reminders for {reminded.Points} points.");
        }, ct));
        return expire;
    }

    static Command EvaluateTiersCommand(CliContext context)
    {
        var asOf = AsOf();
        var evaluate = new Command("evaluate-tiers", "Review members whose review date (plus grace) has come: the only time a tier goes down.") { asOf };
        evaluate.SetAction((parse, ct) => WithScopeAsync(context, async services =>
        {
            var at = ParseAsOf(parse.GetValue(asOf));
            var result = await services.GetRequiredService<EvaluateTiersHandler>().HandleAsync(new EvaluateTiers(at), ct);
            context.Console.MarkupLineInterpolated($"Reviewed {result.Reviewed} members: {result.Downgraded} downgraded, {result.Upgraded} upgraded.");
        }, ct));
        return evaluate;
    }

    static Command IssueTriggeredCommand(CliContext context)
    {
        var asOf = AsOf();
        var issue = new Command("issue-triggered",
            "Issue the coupons whose trigger has come (birthday, tier upgrade, first purchase, win-back) and the tiers' birthday gifts; recorded as a job run.") { asOf };
        issue.SetAction((parse, ct) => WithScopeAsync(context, async services =>
        {
            var run = await services.GetRequiredService<LoyaltyJobs>().RunAsync(LoyaltyJobs.IssueTriggered, ParseAsOf(parse.GetValue(asOf)), ct);
            if (!run.Succeeded) throw new CliException($"issue-triggered failed: {run.Summary}");
            context.Console.MarkupLineInterpolated($"Issued as of {run.AsOf:yyyy-MM-dd HH:mm:ss}Z: {run.Summary}");
        }, ct));
        return issue;
    }

    static Command DefaultTiersCommand(CliContext context)
    {
        var seed = new Command("default-tiers", "Write the default ladder (普通会员, 银卡, 金卡, 钻石) when there are no tiers yet.");
        seed.SetAction((_, ct) => WithScopeAsync(context, async services =>
        {
            var written = await services.GetRequiredService<DefaultTiersHandler>().HandleAsync(ct);
            context.Console.MarkupLine(written == 0 ? "Tiers exist already; nothing written." : $"Wrote {written} tiers.");
        }, ct));
        return seed;
    }

    static async Task<int> WithScopeAsync(CliContext context, Func<IServiceProvider, Task> action, CancellationToken ct)
    {
        await using var services = context.BuildServices();
        await using var scope = services.CreateAsyncScope();
        await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
        await action(scope.ServiceProvider);
        return 0;
    }
}
