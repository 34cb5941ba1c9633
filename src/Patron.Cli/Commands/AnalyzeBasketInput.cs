using System.Text;
using Patron.Cli.Files;
using Patron.Engine.Basket;

namespace Patron.Cli.Commands;

/// <summary>Baskets read from a file: the engine's item ids, the label of each id, and lines that held nothing usable.</summary>
sealed record BasketInput(BasketSet Baskets, string[] Labels, long Skipped);

/// <summary>
/// Reads the two basket layouts of patron analyze basket. Labels become ids in ordinal order of the label, so
/// that rules that tie on every measure are listed alphabetically and the same file always gives the same ids.
/// </summary>
static class AnalyzeBasketInput
{
    internal static readonly string[] BasketNames = [.. TransactionColumns.OrderNames, "basket", "basket_id", "transaction", "receipt", "receipt_id", "小票号"];
    internal static readonly string[] ItemNames = ["item", "item_id", "product_id", "sku", "stockcode", "product", "product_name", "description", "商品编号", "商品编码", "商品名称", "商品"];

    /// <summary>
    /// One basket per line, labels separated by commas and taken exactly as written: no quoting, no trimming (the
    /// Groceries data has labels with a trailing space). CSV parsing would unquote, and delimiter sniffing would read
    /// a first line of one item as space-separated, so lines are split here. Blank lines and empty labels are skipped.
    /// </summary>
    public static BasketInput ReadLines(string path)
    {
        if (!File.Exists(path)) throw new CliException($"File not found: {path}");
        using var reader = new StreamReader(DelimitedFile.Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var builder = new Builder();
        long skipped = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0) { skipped++; continue; }
            foreach (var range in line.AsSpan().Split(','))
                if (range.End.Value > range.Start.Value) builder.Add(line.AsSpan()[range]);
            builder.EndBasket();
        }
        return builder.Build(skipped);
    }

    /// <summary>One row per (basket, item) with a header, e.g. order lines; rows of a basket need not be adjacent.</summary>
    public static BasketInput ReadLong(string path, string? basketColumn, string? itemColumn)
    {
        int basketAt = -1, itemAt = -1;
        var basketOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new Builder();
        List<int> basketOfLine = [], itemOfLine = [];
        long skipped = 0;
        foreach (var (_, fields, _) in DelimitedFile.Read(path))
        {
            if (basketAt < 0)
            {
                basketAt = Column(fields, basketColumn, BasketNames, "basket");
                itemAt = Column(fields, itemColumn, ItemNames, "item");
                continue;
            }
            var basket = basketAt < fields.Length ? fields[basketAt].Trim() : "";
            var item = itemAt < fields.Length ? fields[itemAt].AsSpan().Trim() : "";
            if (basket.Length == 0 || item.Length == 0) { skipped++; continue; }
            if (!basketOf.TryGetValue(basket, out var b)) basketOf.Add(basket, b = basketOf.Count);
            basketOfLine.Add(b);
            itemOfLine.Add(builder.Intern(item));
        }
        if (basketAt < 0) throw new CliException($"The file is empty: {path}");
        // Counting sort by basket (stable, so each basket keeps its lines in file order): rows of a basket need not be adjacent.
        var offsets = new int[basketOf.Count + 1];
        foreach (var b in basketOfLine) offsets[b + 1]++;
        for (var b = 0; b < basketOf.Count; b++) offsets[b + 1] += offsets[b];
        var next = offsets[..^1];
        var items = new int[itemOfLine.Count];
        for (var k = 0; k < items.Length; k++) items[next[basketOfLine[k]]++] = itemOfLine[k];
        return builder.Build(offsets, items, skipped);
    }

    static int Column(string[] header, string? given, string[] names, string what)
    {
        static string Norm(string s) => s.Trim().Replace("_", "").Replace(" ", "").ToLowerInvariant();
        var normalised = header.Select(Norm).ToList();
        if (given is not null)
        {
            if (normalised.IndexOf(Norm(given)) is >= 0 and var named) return named;
            if (int.TryParse(given, out var position) && position >= 1 && position <= header.Length) return position - 1;
            throw new CliException($"The {what} column '{given}' is not in the header ({string.Join(", ", header)}).");
        }
        foreach (var name in names)
            if (normalised.IndexOf(Norm(name)) is >= 0 and var found) return found;
        throw new CliException($"No {what} column found in the header ({string.Join(", ", header)}): name it with --{what}-col.");
    }

    /// <summary>Interns labels as they come; ids are renumbered to label order at the end.</summary>
    sealed class Builder
    {
        readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        readonly List<int> offsets = [0];
        readonly List<int> items = [];

        public int Intern(ReadOnlySpan<char> label)
        {
            var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(label, out var id)) lookup.TryAdd(label, id = ids.Count);
            return id;
        }

        public void Add(ReadOnlySpan<char> label) => items.Add(Intern(label));

        public void EndBasket() => offsets.Add(items.Count);

        public BasketInput Build(long skipped) => Build([.. offsets], [.. items], skipped);

        public BasketInput Build(int[] basketOffsets, int[] itemIds, long skipped)
        {
            var labels = ids.Keys.Order(StringComparer.Ordinal).ToArray();
            var renumber = new int[labels.Length];
            for (var i = 0; i < labels.Length; i++) renumber[ids[labels[i]]] = i;
            for (var k = 0; k < itemIds.Length; k++) itemIds[k] = renumber[itemIds[k]];
            return new BasketInput(new BasketSet(basketOffsets, itemIds, labels.Length), labels, skipped);
        }
    }
}
