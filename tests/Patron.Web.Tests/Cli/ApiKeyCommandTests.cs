using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.ApiKeys;
using Patron.Platform.Audit;

namespace Patron.Web.Tests.Cli;

public sealed partial class ApiKeyCommandTests
{
    static async Task<CliRun.TempSqlite> MigratedAsync()
    {
        var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        return file;
    }

    [Fact]
    public async Task Creating_a_key_prints_it_once_stores_only_its_hash_and_audits_it()
    {
        using var file = await MigratedAsync();
        var run = await CliRun.RunAsync(file.Options, "apikey", "create", "--name", "POS 上海", "--scope", "customers.view,orders.create");
        Assert.True(run.ExitCode == 0, run.Error);
        var key = KeyPattern().Match(run.Output).Value;
        Assert.NotEmpty(key);

        await using var db = PatronDatabase.Create(file.Options);
        var row = await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["customers.view", "orders.create"], row.Scopes);
        Assert.DoesNotContain(key, row.SecretHash);
        var verified = await new ApiKeyService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).VerifyAsync(key, TestContext.Current.CancellationToken);
        Assert.Equal(row.Id, verified?.Id);
        var entry = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AuditAction.Create, "apikey"), (entry.Action, entry.Subject));
        Assert.StartsWith("cli:", entry.ActorName);
    }

    [Fact]
    public async Task A_revoked_key_no_longer_verifies_and_the_list_shows_when()
    {
        using var file = await MigratedAsync();
        var key = KeyPattern().Match((await CliRun.RunAsync(file.Options, "apikey", "create", "--name", "shop")).Output).Value;
        var prefix = key.Split('_')[1];

        var revoke = await CliRun.RunAsync(file.Options, "apikey", "revoke", prefix);
        Assert.True(revoke.ExitCode == 0, revoke.Error);
        await using var db = PatronDatabase.Create(file.Options);
        Assert.Null(await new ApiKeyService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).VerifyAsync(key, TestContext.Current.CancellationToken));

        var list = await CliRun.RunAsync(file.Options, "apikey", "list");
        Assert.Contains(prefix, list.Output);
        Assert.DoesNotContain(key, list.Output);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\dZ\s*│\s*$", list.Output.Split('\n').First(l => l.Contains(prefix)).TrimEnd());
    }

    [Fact]
    public async Task An_unknown_scope_or_key_fails_with_one_line()
    {
        using var file = await MigratedAsync();
        var create = await CliRun.RunAsync(file.Options, "apikey", "create", "--name", "x", "--scope", "everything");
        Assert.Equal(1, create.ExitCode);
        Assert.Contains("Unknown scope(s): everything", Assert.Single(create.ErrorLines));

        var revoke = await CliRun.RunAsync(file.Options, "apikey", "revoke", "nosuchky");
        Assert.Equal(1, revoke.ExitCode);
        Assert.Contains("No live API key matches 'nosuchky'", Assert.Single(revoke.ErrorLines));
    }

    [GeneratedRegex(@"ptn_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}")]
    private static partial Regex KeyPattern();
}
