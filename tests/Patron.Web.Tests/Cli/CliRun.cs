using Patron.Cli;
using Patron.Platform;

namespace Patron.Web.Tests.Cli;

/// <summary>Runs the `patron` command in-process against a given database and captures what it prints.</summary>
sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static Task<CliRun> RunAsync(DatabaseOptions database, params string[] args) => RunAsync(new Dictionary<string, string?>
    {
        ["Patron:Database:Provider"] = database.Provider.ToString(),
        ["Patron:Database:ConnectionString"] = database.ConnectionString,
    }, args);

    public static async Task<CliRun> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PatronCli.RunAsync(args, settings, output, error, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A SQLite file that does not exist yet, in a folder deleted afterwards.</summary>
    public static TempSqlite NewSqliteFile() => new();

    public sealed class TempSqlite : IDisposable
    {
        readonly string folder = Directory.CreateTempSubdirectory("patron-cli-").FullName;

        public DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "patron.db")};Pooling=False" };

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
