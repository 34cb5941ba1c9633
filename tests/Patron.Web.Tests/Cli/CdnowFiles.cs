namespace Patron.Web.Tests.Cli;

/// <summary>The CDNOW files in ../shared/data/cdnow next to the repository. Without them a test skips on a developer
/// machine and fails on CI (CI=true), where a missing data set must not pass as green.</summary>
static class CdnowFiles
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Patron.slnx")))
            {
                var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "cdnow", file));
                if (File.Exists(path)) return path;
                break;
            }
        var message = $"CDNOW data not found ({file}): expected in ../shared/data/cdnow next to the folder holding Patron.slnx.";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Assert.Skip(message);
        return "";
    }

    /// <summary>cdnow_customers_summary.csv as (id, x, t_x, T), weeks.</summary>
    public static Dictionary<string, (int X, double Tx, double T)> Summaries() =>
        File.ReadLines(Path("cdnow_customers_summary.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (int.Parse(f[1]), D(f[2]), D(f[3])));

    public static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
