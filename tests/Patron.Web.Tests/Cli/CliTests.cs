using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Cli;

public sealed class CliTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_data_fills_an_empty_database_and_prints_a_summary(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var run = await CliRun.RunAsync(database.Options, "demo-data", "--customers", "150", "--months", "2", "--as-of", "2025-09-01");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL", run.Output);
        Assert.Contains("commerce_orders", run.Output);
        Assert.Contains("Demo data written in", run.Output);
        await using var db = database.NewContext();
        Assert.Equal(150, await db.Customers.CountAsync(Ct));
        Assert.True(await db.Orders.AnyAsync(Ct));
    }

    [Fact]
    public async Task Demo_data_migrates_a_new_SQLite_file_first()
    {
        using var file = CliRun.NewSqliteFile();
        var run = await CliRun.RunAsync(file.Options, "demo-data", "--customers", "40", "--months", "1", "--locale", "en");
        Assert.True(run.ExitCode == 0, run.Error);
        await using var db = PatronDatabase.Create(file.Options);
        // Every migration the code knows was applied, however many there are by now.
        var all = db.Database.GetMigrations().Count();
        Assert.Contains($"Applied {all} migration(s)", run.Output);
        Assert.Equal(40, await db.Customers.CountAsync(Ct));
    }

    [Fact]
    public async Task Demo_data_refuses_a_database_that_has_customers_in_one_line()
    {
        using var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "demo-data", "--customers", "20", "--months", "1")).ExitCode);
        var again = await CliRun.RunAsync(file.Options, "demo-data", "--customers", "20", "--months", "1");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has customers", Assert.Single(again.ErrorLines));
    }

    [Fact]
    public async Task Db_migrate_names_the_database_and_is_repeatable()
    {
        using var file = CliRun.NewSqliteFile();
        var first = await CliRun.RunAsync(file.Options, "db", "migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("SQLite", first.Output);
        Assert.Contains("patron.db", first.Output);
        var second = await CliRun.RunAsync(file.Options, "db", "migrate");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output);
    }

    [Fact]
    public async Task Usage_errors_exit_with_code_2()
    {
        using var file = CliRun.NewSqliteFile();
        Assert.Equal(2, (await CliRun.RunAsync(file.Options, "demo-data", "--customers", "many")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync(file.Options, "demo-data", "--locale", "fr")).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync(file.Options, "users", "add", "--email", "a@b.c")).ExitCode);
        var unknown = await CliRun.RunAsync(file.Options, "frobnicate");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("error:", unknown.ErrorLines[0]);
    }

    [Fact]
    public async Task Bad_option_values_fail_with_one_line()
    {
        using var file = CliRun.NewSqliteFile();
        var run = await CliRun.RunAsync(file.Options, "demo-data", "--customers", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Customers must be between", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_setting_that_does_not_bind_fails_with_one_line()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["Patron:Database:Provider"] = "Oracle" }, "db", "migrate");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'Oracle' at 'Patron:Database:Provider'", Assert.Single(run.ErrorLines));
    }
}
