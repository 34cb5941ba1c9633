using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Web.Tests.Cli;

public sealed class UserCommandTests
{
    static async Task<CliRun.TempSqlite> MigratedAsync()
    {
        var file = CliRun.NewSqliteFile();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "db", "migrate")).ExitCode);
        return file;
    }

    [Fact]
    public async Task Adding_a_user_without_a_password_prints_the_generated_one()
    {
        using var file = await MigratedAsync();
        var run = await CliRun.RunAsync(file.Options, "users", "add", "--email", "li.na@example.com", "--role", "marketer");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("li.na@example.com", run.Output);
        Assert.Contains("Marketer", run.Output);
        Assert.Matches("Password \\(shown once\\): Pa\\w{18}", run.Output);
        await using var db = PatronDatabase.Create(file.Options);
        Assert.True(await db.Users.AnyAsync(u => u.Email == "li.na@example.com", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Adding_a_user_with_a_password_prints_no_password()
    {
        using var file = await MigratedAsync();
        var run = await CliRun.RunAsync(file.Options, "users", "add", "--email", "wang@example.com", "--role", "Admin", "--password", "Correct-horse-9");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Password", run.Output);
    }

    [Fact]
    public async Task An_unknown_role_fails_with_one_line_and_exit_code_1()
    {
        using var file = await MigratedAsync();
        var run = await CliRun.RunAsync(file.Options, "users", "add", "--email", "x@example.com", "--role", "Wizard");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error:", line);
        Assert.Contains("Unknown role 'Wizard'", line);
    }

    [Fact]
    public async Task A_duplicate_email_fails_with_one_line()
    {
        using var file = await MigratedAsync();
        Assert.Equal(0, (await CliRun.RunAsync(file.Options, "users", "add", "--email", "zhao@example.com", "--role", "Analyst")).ExitCode);
        var run = await CliRun.RunAsync(file.Options, "users", "add", "--email", "zhao@example.com", "--role", "Analyst");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("zhao@example.com", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Adding_a_user_to_an_unmigrated_database_asks_for_db_migrate()
    {
        using var file = CliRun.NewSqliteFile();
        var run = await CliRun.RunAsync(file.Options, "users", "add", "--email", "x@example.com", "--role", "Owner");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("patron db migrate", Assert.Single(run.ErrorLines));
    }
}
