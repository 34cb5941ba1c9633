using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Merging;
using Patron.Platform;

namespace Patron.Web.Tests.Cli;

public sealed class DedupeDatabaseTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task SeedAsync(DatabaseOptions options)
    {
        Customer New(string name, string mobile, DateOnly birthday, string? address, int daysAgo) => new()
        {
            Id = Ids.New(), Name = name, Mobile = mobile, Birthday = birthday, Address = address,
            SignedUpAt = DateTime.UtcNow.AddDays(-daysAgo), CreatedAt = DateTime.UtcNow.AddDays(-daysAgo), UpdatedAt = DateTime.UtcNow.AddDays(-daysAgo),
        };
        await using var db = PatronDatabase.Create(options);
        db.Customers.AddRange(
            New("王芳", "+8613800138000", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", 300),
            New("王芳", "+8615012345678", new DateOnly(1990, 5, 1), "上海市浦东新区张杨路500号", 20),
            New("李雷", "+8613700001111", new DateOnly(1985, 3, 2), null, 200),
            New("李雷", "+8615800002222", new DateOnly(1985, 3, 2), null, 10),
            New("张伟", "+8613600003333", new DateOnly(1970, 1, 9), null, 10));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Dedupe_without_input_previews_with_dry_run_then_merges_and_queues_once()
    {
        using var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        await SeedAsync(file.Options);

        var dry = await CliRun.RunAsync(file.Options, "dedupe", "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.Error);
        using (var json = JsonDocument.Parse(dry.Output))
        {
            Assert.Equal((true, 5, 1, 1), (json.RootElement.GetProperty("dry_run").GetBoolean(), json.RootElement.GetProperty("customers").GetInt32(),
                json.RootElement.GetProperty("merged").GetInt32(), json.RootElement.GetProperty("queued").GetInt32()));
            var merge = json.RootElement.GetProperty("merges")[0];
            Assert.Equal(("王芳", "王芳"), (merge.GetProperty("name_a").GetString(), merge.GetProperty("name_b").GetString()));
            Assert.Equal(7, merge.GetProperty("contributions").GetProperty("birthday").GetDouble());
        }
        await using (var db = PatronDatabase.Create(file.Options))
            Assert.Equal((5, false), (await db.Customers.CountAsync(Ct), await db.Set<MatchRun>().AnyAsync(Ct)));

        var run = await CliRun.RunAsync(file.Options, "dedupe");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"Merged\s+1", run.Output);
        Assert.Matches(@"Queued for review\s+1", run.Output);
        var again = await CliRun.RunAsync(file.Options, "dedupe");
        Assert.Matches(@"Merged\s+0", again.Output);
        Assert.Matches(@"Queued for review\s+0", again.Output);

        await using var check = PatronDatabase.Create(file.Options);
        Assert.Equal(4, await check.Customers.CountAsync(Ct));
        Assert.Equal(2, await check.Set<MatchRun>().CountAsync(Ct));
    }

    [Fact]
    public async Task File_options_without_input_are_refused()
    {
        using var file = CliRun.NewSqliteFile();
        var run = await CliRun.RunAsync(file.Options, "dedupe", "--out", "clusters.csv");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--out needs --input", run.Error);
    }
}
