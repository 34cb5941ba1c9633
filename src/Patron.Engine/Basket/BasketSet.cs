namespace Patron.Engine.Basket;

/// <summary>
/// Baskets as item ids in compressed-row form: basket b holds Items[Offsets[b] .. Offsets[b + 1]). Two flat arrays
/// instead of one array per basket, because 20M order lines as 2M small arrays cost more in headers than in items.
/// Ids run from 0 to ItemCount − 1; an id repeated inside a basket counts once.
/// </summary>
public sealed record BasketSet
{
    public BasketSet(int[] offsets, int[] items, int itemCount)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != items.Length)
            throw new ArgumentException("Offsets must start at 0 and end at the number of items.", nameof(offsets));
        for (var b = 1; b < offsets.Length; b++)
            if (offsets[b] < offsets[b - 1]) throw new ArgumentException("Offsets must not decrease.", nameof(offsets));
        foreach (var item in items)
            if ((uint)item >= (uint)itemCount) throw new ArgumentException($"Item id {item} is outside 0..{itemCount - 1}.", nameof(items));
        Offsets = offsets;
        Items = items;
        ItemCount = itemCount;
    }

    public int[] Offsets { get; }
    public int[] Items { get; }
    public int ItemCount { get; }
    public int Count => Offsets.Length - 1;

    public ReadOnlySpan<int> this[int basket] => Items.AsSpan(Offsets[basket], Offsets[basket + 1] - Offsets[basket]);

    /// <summary>For tests and small inputs; the item count is one more than the largest id.</summary>
    public static BasketSet From(IEnumerable<IReadOnlyCollection<int>> baskets)
    {
        var offsets = new List<int> { 0 };
        var items = new List<int>();
        foreach (var basket in baskets)
        {
            items.AddRange(basket);
            offsets.Add(items.Count);
        }
        return new BasketSet([.. offsets], [.. items], items.Count == 0 ? 0 : items.Max() + 1);
    }
}
