using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Patron.Platform;

/// <summary>
/// The folder that holds ./data/ and the optional shared settings file patron.json, so that the web app and the
/// CLI find the same database wherever `dotnet run` starts them: PATRON_HOME if set, else the checkout
/// (the nearest folder up from the working directory with Patron.slnx), else the working directory.
/// </summary>
public static class PatronHome
{
    public const string Variable = "PATRON_HOME";
    public const string SettingsFile = "patron.json";

    public static string Path { get; } = Find();

    static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Patron.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Both hosts read patron.json from the home folder and PATRON_-free environment variables such as Patron__Database__Provider.</summary>
    public static IConfigurationBuilder AddPatronSettings(this IConfigurationBuilder builder) =>
        builder.AddJsonFile(System.IO.Path.Combine(Path, SettingsFile), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();

    /// <summary>A relative SQLite file name is taken relative to the home folder.</summary>
    public static string ResolveSqlite(string connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(b.DataSource) || b.DataSource == ":memory:" || System.IO.Path.IsPathRooted(b.DataSource))
            return connectionString;
        b.DataSource = System.IO.Path.Combine(Path, b.DataSource);
        return b.ConnectionString;
    }
}
