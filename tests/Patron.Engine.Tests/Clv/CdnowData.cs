using System.Globalization;

namespace Patron.Engine.Tests.Clv;

/// <summary>
/// The CDNOW files in ../shared/data/cdnow next to the repository (see SOURCE.md there). Tests skip without them on a
/// developer machine but fail on CI (CI=true), where a missing data set must not pass as green.
/// </summary>
static class CdnowData
{
    public sealed record Summary(int Id, int X, double Tx, double T, double MeanValue);

    public static string Path(string file) => Patron.Testing.SharedData.File("cdnow", file);

    /// <summary>cdnow_customers_summary.csv (ID,frequency,recency,T), weeks; MeanValue is 0.</summary>
    public static IReadOnlyList<Summary> Summaries() =>
        Rows("cdnow_customers_summary.csv").Select(f => new Summary(int.Parse(f[0]), int.Parse(f[1]), D(f[2]), D(f[3]), 0)).ToList();

    /// <summary>cdnow_customers_summary_with_transactions.csv (ID,x,t_x,T,zbar).</summary>
    public static IReadOnlyList<Summary> SummariesWithValues() =>
        Rows("cdnow_customers_summary_with_transactions.csv").Select(f => new Summary(int.Parse(f[0]), int.Parse(f[1]), D(f[2]), D(f[3]), D(f[4]))).ToList();

    /// <summary>CDNOW_sample.txt: master id, sample id, yyyyMMdd, CDs, dollars; whitespace-separated, no header.</summary>
    public static IReadOnlyList<(int SampleId, DateTime Date, double Dollars)> SampleTransactions() =>
        File.ReadLines(Path("CDNOW_sample.txt"))
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 5)
            .Select(f => (int.Parse(f[1]), DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), D(f[4])))
            .ToList();

    static IEnumerable<string[]> Rows(string file) => File.ReadLines(Path(file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
