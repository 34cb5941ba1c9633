namespace Patron.Web.Tests.Cli;

/// <summary>The CDNOW files (shared/data/cdnow; see <see cref="Patron.Testing.SharedData"/> for where they are looked for).</summary>
static class CdnowFiles
{
    public static string Path(string file) => Patron.Testing.SharedData.File("cdnow", file);

    /// <summary>cdnow_customers_summary.csv as (id, x, t_x, T), weeks.</summary>
    public static Dictionary<string, (int X, double Tx, double T)> Summaries() =>
        File.ReadLines(Path("cdnow_customers_summary.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (int.Parse(f[1]), D(f[2]), D(f[3])));

    public static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
