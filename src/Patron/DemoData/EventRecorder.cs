using System.Text.Encodings.Web;
using System.Text.Json;
using Patron.Commerce;
using Patron.Customers;
using Patron.Customers.Contracts;

namespace Patron.DemoData;

/// <summary>
/// App, mini-program and in-store events of tracked members, tied to their real purchases: a search, product
/// views and add-to-cart before an online order, a member-code scan before some store visits, now and then a
/// browsing session that ends without a purchase.
/// </summary>
sealed class EventRecorder(DemoRandom random, DemoCatalog catalog, Shoppers shoppers)
{
    // Payloads keep Chinese readable instead of \u escapes.
    static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    readonly Dictionary<Guid, Product> products = catalog.Products.ToDictionary(p => p.Id);

    public List<CustomerEvent> Record(int shopper, Order order, DateTime signedUpAt)
    {
        var events = new List<CustomerEvent>();
        var at = order.PlacedAt;
        if (order.Source == SalesChannel.Pos)
        {
            if (random.Chance(0.3))
                Add(events, shopper, EventKind.StoreVisit, at.AddMinutes(-random.Next(3, 26)), order, null, random.Chance(0.7) ? """{"via":"member_code"}""" : """{"via":"wifi"}""");
        }
        else if (order.Source != SalesChannel.OnlineShop)
        {
            // The third-party online shop keeps its clickstream; only our own app and mini-program report events.
            var viewed = Math.Min(order.Lines.Count, 3);
            var step = TimeSpan.FromMinutes(random.Next(4, 31)) / (viewed + order.Lines.Count + 2);
            var t = at - step * (viewed + order.Lines.Count + 1);
            if (random.Chance(0.2)) Add(events, shopper, EventKind.SignIn, t, order, null, null);
            if (random.Chance(0.5)) Add(events, shopper, EventKind.Search, t += step, order, null, Json("q", catalog.SearchTerm(order.Lines[0].ProductId)));
            for (var i = 0; i < viewed; i++)
            {
                var product = products[order.Lines[i].ProductId];
                Add(events, shopper, EventKind.ProductView, t += step, order, product, Json("sku", product.Sku));
            }
            // Staples are re-ordered from history without viewing them again; every line still goes through the cart.
            foreach (var line in order.Lines)
            {
                var product = products[line.ProductId];
                Add(events, shopper, EventKind.AddToCart, t += step, order, product, $$"""{"sku":"{{product.Sku}}","qty":{{line.Quantity}}}""");
            }
        }
        if (random.Chance(0.1)) Browse(events, shopper, order, at.AddDays(-1 - random.NextDouble() * 2));
        events.RemoveAll(e => e.At < signedUpAt);
        return events;
    }

    /// <summary>A session without a purchase: one search, a few views in a preferred category.</summary>
    void Browse(List<CustomerEvent> events, int shopper, Order order, DateTime at)
    {
        var leaf = shoppers.PickCategory(shopper, random);
        var channel = order.Source == SalesChannel.App ? SalesChannel.App : SalesChannel.MiniProgram;
        events.Add(New(shopper, EventKind.Search, at, channel, order.StoreId, null, Json("q", catalog.LeafNames[leaf])));
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var product = catalog.Products[catalog.LeafProducts[leaf][catalog.LeafProductWeights[leaf].Pick(random)]];
            events.Add(New(shopper, EventKind.ProductView, at = at.AddSeconds(random.Next(10, 120)), channel, order.StoreId, product.Id, Json("sku", product.Sku)));
        }
    }

    void Add(List<CustomerEvent> events, int shopper, EventKind kind, DateTime at, Order order, Product? product, string? payload) =>
        events.Add(New(shopper, kind, at, order.Source, order.StoreId, product?.Id, payload));

    CustomerEvent New(int shopper, EventKind kind, DateTime at, SalesChannel channel, Guid? store, Guid? product, string? payload) => new()
    {
        Id = random.Guid7(at), CustomerId = shoppers.All[shopper].Id, Kind = kind, At = at, Channel = channel,
        StoreId = store, ProductId = product, Payload = payload,
    };

    static string Json(string key, string value) => $$"""{"{{key}}":"{{JsonEncodedText.Encode(value, Encoder)}}"}""";
}
