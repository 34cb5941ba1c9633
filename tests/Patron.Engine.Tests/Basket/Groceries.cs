using Patron.Engine.Basket;

namespace Patron.Engine.Tests.Basket;

/// <summary>
/// The arules Groceries data (shared/data/groceries, see its SOURCE.md): 9,835 baskets, one per line, item labels
/// separated by commas and taken exactly as written. Found by walking up to the folder holding Patron.slnx.
/// </summary>
sealed record Groceries(BasketSet Baskets, string[] Labels)
{
    static readonly Lazy<Groceries?> Loaded = new(Load);

    /// <summary>The data, or a skip when it is missing; on CI (CI=true) a missing file fails the test instead.</summary>
    public static Groceries Get()
    {
        if (Loaded.Value is { } data) return data;
        var message = $"Groceries data not found ({Path() ?? "no Patron.slnx above " + AppContext.BaseDirectory}).";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Assert.Skip(message);
        return null!;
    }

    public int Id(string label) => Array.IndexOf(Labels, label) is >= 0 and var id ? id : throw new ArgumentException(label);

    public int[] Ids(params string[] labels) => [.. labels.Select(Id).Order()];

    static string? Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Patron.slnx")))
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "groceries", "groceries.csv"));
        return null;
    }

    static Groceries? Load()
    {
        if (Path() is not { } path || !File.Exists(path)) return null;
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var labels = lines.SelectMany(l => l).Distinct().Order(StringComparer.Ordinal).ToArray();
        var id = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        return new Groceries(BasketSet.From(lines.Select(l => l.Select(x => id[x]).ToArray())), labels);
    }
}
