using Patron.Commerce;
using Patron.DemoData.Catalog;
using Patron.DemoData.People;

namespace Patron.DemoData;

/// <summary>Stores, the category tree and the products of the demo chain, plus the weights the shoppers draw from.</summary>
public sealed class DemoCatalog
{
    internal DemoCatalog(DemoRandom random, DemoCalendar calendar, bool english)
    {
        StoreSpecs = Places.Stores;
        OpenDay = StoreSpecs.Select(s => s.OpenedAt is { } f ? (int)(f * calendar.Days) : -s.DaysBefore).ToArray();
        Stores = StoreSpecs.Select((s, i) => NewStore(random, calendar, s, OpenDay[i], english)).ToList();

        var opened = calendar.ToUtc(-3000, 0);
        var parents = CatalogData.Parents.ToDictionary(p => p.Code, p => new Category { Id = random.Guid7(opened), Code = p.Code, Name = english ? p.En : p.Zh });
        var leaves = CatalogData.Leaves;
        Categories = [.. parents.Values, .. leaves.Select(l => new Category { Id = random.Guid7(opened), Code = l.Code, Name = english ? l.En : l.Zh, ParentId = parents[l.Parent!].Id })];
        LeafPopularity = leaves.Select(l => l.Popularity).ToArray();
        LeafNames = leaves.Select(l => english ? l.En : l.Zh).ToArray();

        var products = new List<Product>();
        LeafProducts = new int[leaves.Length][];
        LeafProductWeights = new Weights[leaves.Length];
        for (var c = 0; c < leaves.Length; c++)
        {
            var first = products.Count;
            var weights = new List<double>();
            foreach (var (item, rank) in leaves[c].Items.Select((item, rank) => (item, rank)))
                foreach (var (variant, v) in item.Variants.Select((variant, v) => (variant, v)))
                {
                    products.Add(NewProduct(random, opened, Categories[parents.Count + c].Id, c, products.Count - first, item, variant, english));
                    // Zipf-like popularity by rank; bigger packs sell less than the base pack.
                    weights.Add(Math.Pow(rank + 1, -0.8) / (1 + v));
                    searchTerms[products[^1].Id] = SearchTermOf(english ? item.En : item.Zh);
                }
            LeafProducts[c] = Enumerable.Range(first, products.Count - first).ToArray();
            LeafProductWeights[c] = new Weights(weights.ToArray());
        }
        Products = products;
    }

    public IReadOnlyList<Store> Stores { get; }

    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyList<Product> Products { get; }

    internal IReadOnlyList<StoreSpec> StoreSpecs { get; }

    /// <summary>Simulated day each store opened (negative: before the period).</summary>
    internal int[] OpenDay { get; }

    internal double[] LeafPopularity { get; }

    internal string[] LeafNames { get; }

    internal int[][] LeafProducts { get; }

    internal Weights[] LeafProductWeights { get; }

    internal int LeafCount => LeafProducts.Length;

    readonly Dictionary<Guid, string> searchTerms = [];

    /// <summary>What a shopper types to find a product: its name without pack size or count.</summary>
    internal string SearchTerm(Guid productId) => searchTerms[productId];

    static string SearchTermOf(string itemName) =>
        string.Join(' ', itemName.Split(' ').TakeWhile(word => !word.Any(char.IsAsciiDigit)));

    static Store NewStore(DemoRandom random, DemoCalendar calendar, StoreSpec s, int openDay, bool english)
    {
        var street = s.District.Streets[s.StreetIndex];
        return new Store
        {
            Id = random.Guid7(calendar.ToUtc(openDay, 8)),
            Code = s.Code,
            Name = english ? $"{Places.BrandEn} {s.District.En}" : $"{Places.BrandZh}{s.District.Zh.Replace("新区", "").TrimEnd('区')}店",
            Province = english ? s.City.ProvinceEn : s.City.ProvinceZh,
            City = english ? s.City.En : s.City.Zh,
            District = english ? s.District.En : s.District.Zh,
            Address = english ? $"{s.Number} {street.En}" : $"{street.Zh}{s.Number}号",
            OpenedOn = calendar.Date(openDay),
        };
    }

    static Product NewProduct(DemoRandom random, DateTime created, Guid categoryId, int leaf, int index, CatalogItem item, Variant variant, bool english)
    {
        var name = english ? item.En : item.Zh;
        var suffix = english ? variant.En : variant.Zh;
        return new Product
        {
            Id = random.Guid7(created),
            // 69 is China's GS1 prefix; the SKU encodes category and position and stays stable for a given assortment.
            Sku = $"69{leaf + 1:D2}{index + 1:D3}",
            Name = suffix.Length == 0 ? name : $"{name} {suffix}",
            CategoryId = categoryId,
            // Prices end in 0 fen like shelf prices do.
            ListPrice = (long)Math.Round(item.PriceFen * variant.PriceFactor / 10) * 10,
        };
    }
}
