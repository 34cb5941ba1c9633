namespace Patron.DemoData.Catalog;

/// <summary>One pack size of an item: name suffix per locale and price relative to the base price.</summary>
sealed record Variant(string Zh, string En, double PriceFactor);

/// <summary>A sellable item before pack sizes; each variant becomes one product.</summary>
sealed record CatalogItem(string Zh, string En, long PriceFen, Variant[] Variants);

/// <summary>A category of the tree; Popularity is its share of an average basket (leaves only).</summary>
sealed record CategorySpec(string Code, string Zh, string En, string? Parent, double Popularity, CatalogItem[] Items);

static class Packs
{
    public static readonly Variant[] One = [new("", "", 1)];
    public static readonly Variant[] Weight = [new("500g", "500g", 1), new("1kg", "1kg", 1.9), new("有机 500g", "organic 500g", 1.8)];
    public static readonly Variant[] Box = [new("500g", "500g", 1), new("2.5kg 箱装", "2.5kg box", 4.3)];
    public static readonly Variant[] Twin = [new("", "", 1), new("2件装", "twin pack", 1.85)];
    public static readonly Variant[] Bottles = [new("单瓶", "bottle", 1), new("6瓶装", "6-pack", 5.4)];
    public static readonly Variant[] Cartons = [new("单盒", "carton", 1), new("12盒整箱", "case of 12", 10.8)];
    public static readonly Variant[] Trio = [new("", "", 1), new("2件装", "twin pack", 1.85), new("家庭装", "family pack", 2.6)];
}
