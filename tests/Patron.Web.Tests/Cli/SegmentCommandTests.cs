using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;

namespace Patron.Web.Tests.Cli;

public sealed class SegmentCommandTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateTime SignedUp = new(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Three customers (two in 上海) and a saved segment whose materialised members are 王芳 and 张伟.</summary>
    static async Task<(CliRun.TempSqlite File, Guid Segment, Guid Wang)> SeedAsync()
    {
        var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        var (wang, li, zhang, segment) = (Ids.New(), Ids.New(), Ids.New(), Ids.New());
        await using var db = PatronDatabase.Create(file.Options);
        foreach (var (id, name, city) in new[] { (wang, "王芳", "上海"), (li, "李雷", "杭州"), (zhang, "张伟", "上海") })
            db.Customers.Add(new Customer { Id = id, Name = name, City = city, SignedUpAt = SignedUp, CreatedAt = SignedUp, UpdatedAt = SignedUp });
        db.Segments.Add(new Segment { Id = segment, Name = "上海客户", RuleJson = """{"field":"city","op":"in","value":["上海"]}""", MemberCount = 2,
            RefreshedAt = SignedUp, CreatedAt = SignedUp, UpdatedAt = SignedUp });
        db.SegmentMemberships.Add(new SegmentMembership { Id = Ids.New(), SegmentId = segment, CustomerId = wang, EnteredAt = SignedUp });
        db.SegmentMemberships.Add(new SegmentMembership { Id = Ids.New(), SegmentId = segment, CustomerId = zhang, EnteredAt = SignedUp.AddHours(1) });
        db.SegmentMemberships.Add(new SegmentMembership { Id = Ids.New(), SegmentId = segment, CustomerId = li, EnteredAt = SignedUp, LeftAt = SignedUp.AddDays(1) });
        await db.SaveChangesAsync(Ct);
        return (file, segment, wang);
    }

    [Fact]
    public async Task List_shows_saved_segments_with_their_size()
    {
        var (file, segment, _) = await SeedAsync();
        using var _f = file;

        var run = await CliRun.RunAsync(file.Options, "segments", "list");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("上海客户", run.Output);
        Assert.Contains(segment.ToString(), run.Output);
    }

    [Fact]
    public async Task Count_evaluates_an_unsaved_rule_over_the_database_and_reports_mistakes_with_their_path()
    {
        var (file, _, _) = await SeedAsync();
        using var _f = file;
        var folder = Directory.CreateTempSubdirectory("patron-rule-").FullName;
        try
        {
            var good = Path.Combine(folder, "rule.json");
            await File.WriteAllTextAsync(good, """{"all": [{"field": "city", "op": "in", "value": ["上海"]}, {"field": "frequency", "op": "eq", "value": 0}]}""", Ct);
            var bad = Path.Combine(folder, "bad.json");
            await File.WriteAllTextAsync(bad, """{"all": [{"field": "spend", "op": "gte", "value": 1}]}""", Ct);

            var run = await CliRun.RunAsync(file.Options, "segments", "count", good);
            var wrong = await CliRun.RunAsync(file.Options, "segments", "count", bad);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("2 customers match.", run.Output);
            Assert.Contains("王芳", run.Output);
            Assert.Equal(1, wrong.ExitCode);
            Assert.Contains("rule.all[0].field", wrong.Output);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Members_writes_the_current_members_as_csv_by_id_or_name_and_is_audited()
    {
        var (file, segment, wang) = await SeedAsync();
        using var _f = file;
        var csv = Path.Combine(Path.GetDirectoryName(Path.GetTempFileName())!, $"members-{Guid.NewGuid():N}.csv");
        try
        {
            var toFile = await CliRun.RunAsync(file.Options, "segments", "members", segment.ToString(), "--out", csv);
            var byName = await CliRun.RunAsync(file.Options, "segments", "members", "上海客户");
            var unknown = await CliRun.RunAsync(file.Options, "segments", "members", "没有这个分群");

            Assert.True(toFile.ExitCode == 0, toFile.Error);
            var lines = await File.ReadAllLinesAsync(csv, Ct);
            Assert.Equal(["customer_id,name,entered_at", $"{wang},王芳,2026-01-10T00:00:00Z"], lines[..2]);
            Assert.Equal(3, lines.Length);   // 李雷 left: not a current member
            Assert.Contains($"{wang},王芳", byName.Output);
            Assert.NotEqual(0, unknown.ExitCode);
            await using var db = PatronDatabase.Create(file.Options);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export && a.ActorKind == ActorKind.System, Ct));
        }
        finally { File.Delete(csv); }
    }
}
