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
        Patron.Testing.SharedData.File("groceries", "groceries.csv");   // skips, or fails on CI
        return null!;
    }

    public int Id(string label) => Array.IndexOf(Labels, label) is >= 0 and var id ? id : throw new ArgumentException(label);

    public int[] Ids(params string[] labels) => [.. labels.Select(Id).Order()];

    static Groceries? Load()
    {
        if (!Patron.Testing.SharedData.Exists("groceries", "groceries.csv")) return null;
        var path = Patron.Testing.SharedData.File("groceries", "groceries.csv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var labels = lines.SelectMany(l => l).Distinct().Order(StringComparer.Ordinal).ToArray();
        var id = labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);
        return new Groceries(BasketSet.From(lines.Select(l => l.Select(x => id[x]).ToArray())), labels);
    }
}
