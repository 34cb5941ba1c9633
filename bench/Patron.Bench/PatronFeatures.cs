using Patron.Engine.Features;

namespace Patron.Bench;

/// <summary>
/// Patron's side of the feature benchmark: the three files read into a <see cref="FeatureStore"/> the way
/// <c>FeatureLoader</c> fills it from the database (customers first, then every order in date order, bulk mode), then
/// <see cref="FeatureStore.EndBulk"/>, which scores RFM quintiles and tertile tiers and derives every customer (AOV,
/// recency, tenure, gaps, category and channel shares, lifecycle). Orders and lines are read in one pass, merged on
/// order_no, with no string per line: categories, channels and stores are interned.
/// </summary>
static class PatronFeatures
{
    /// <summary>The key the store holds for customer number <paramref name="n"/> (the files carry numbers, the store Guids).</summary>
    public static Guid Id(int n) => new(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static FeatureStore Build(string dir, int customers)
    {
        var names = new Interner();
        var store = new FeatureStore(SegmentData.AsOf, capacity: customers);
        store.BeginBulk();
        using (var file = new ByteLines(Path.Combine(dir, FeatureFiles.Customers)))
            while (file.Next(out var line))
            {
                var n = ByteLines.Int(ByteLines.Field(ref line));
                var gender = names.Of(ByteLines.Field(ref line));
                var birthday = ByteLines.Date(ByteLines.Field(ref line));
                var (province, city, occupation) = (names.Of(ByteLines.Field(ref line)), names.Of(ByteLines.Field(ref line)), names.Of(ByteLines.Field(ref line)));
                var tag = names.Of(ByteLines.Field(ref line));
                var signedUp = ByteLines.Date(ByteLines.Field(ref line));
                store.Upsert(Id(n), new CustomerFacts(gender, birthday, province, city, occupation, tag is null ? null : [tag], signedUp));
            }
        using var orders = new ByteLines(Path.Combine(dir, FeatureFiles.Orders));
        using var lines = new ByteLines(Path.Combine(dir, FeatureFiles.Lines));
        // The store reads the category list during ApplyPurchase and keeps nothing of it, so one list serves every order.
        var spend = new List<KeyValuePair<string, long>>(8);
        var haveLine = lines.Next(out var item);
        while (orders.Next(out var order))
        {
            var no = ByteLines.Long(ByteLines.Field(ref order));
            var customer = ByteLines.Int(ByteLines.Field(ref order));
            var day = ByteLines.Date(ByteLines.Field(ref order))!.Value;
            var channel = names.Of(ByteLines.Field(ref order))!;
            var storeName = names.Of(ByteLines.Field(ref order));
            var net = ByteLines.Long(ByteLines.Field(ref order));
            var cancelled = ByteLines.Field(ref order) is [(byte)'t', ..];
            spend.Clear();
            while (haveLine)
            {
                var rest = item;
                if (ByteLines.Long(ByteLines.Field(ref rest)) != no) break;
                var category = names.Of(ByteLines.Field(ref rest))!;
                spend.Add(KeyValuePair.Create(category, ByteLines.Long(rest)));
                haveLine = lines.Next(out item);
            }
            store.ApplyPurchase(Id(customer), new PurchaseFact(day, net, channel, storeName, spend, !cancelled));
        }
        store.EndBulk(SegmentData.AsOf);
        return store;
    }
}
