using Patron.Engine.Features;

namespace Patron.Bench;

/// <summary>
/// A deterministic shop of N customers and about L order lines (4 per order on average) over two years: the same seed
/// gives the same customers and orders on every machine. Purchases follow a skewed frequency (a few heavy shoppers, many
/// one-off buyers, a fifth who never bought), so quintiles and rules see realistic ties.
/// </summary>
sealed class SegmentData(int customers, long lines, int seed = 20261122)
{
    public static readonly string[] Categories = ["水果", "蔬菜", "肉禽", "水产", "乳品", "烘焙", "粮油", "零食", "酒水", "日化", "母婴", "冻品"];
    static readonly string[] Cities = ["上海", "杭州", "南京", "苏州", "北京", "广州", "深圳", "成都"];
    static readonly string[] Channels = ["Pos", "MiniProgram", "OnlineShop", "App"];
    static readonly string[] Occupations = ["白领", "教师", "医生", "学生", "自由职业", "退休"];
    static readonly string[] TagPool = ["vip", "会员日", "黑名单", "宝妈", "企业客户"];

    public static readonly DateOnly AsOf = new(2026, 11, 1);

    public int Customers => customers;

    public Guid[] Ids { get; } = MakeIds(customers, seed);

    static Guid[] MakeIds(int n, int seed)
    {
        var rng = new Random(seed);
        var ids = new Guid[n];
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < n; i++) { rng.NextBytes(bytes); ids[i] = new Guid(bytes); }
        return ids;
    }

    public CustomerFacts Facts(int i)
    {
        var rng = new Random(seed ^ i);
        var tags = rng.Next(4) == 0 ? new[] { TagPool[rng.Next(TagPool.Length)] } : null;
        return new CustomerFacts(rng.Next(3) switch { 0 => "male", 1 => "female", _ => null },
            rng.Next(10) == 0 ? null : new DateOnly(1950, 1, 1).AddDays(rng.Next(365 * 55)),
            "省", Cities[rng.Next(Cities.Length)], Occupations[rng.Next(Occupations.Length)], tags, AsOf.AddDays(-rng.Next(900)));
    }

    /// <summary>Orders in date order; each is (customer position, purchase).</summary>
    public IEnumerable<(int Customer, PurchaseFact Purchase)> Orders()
    {
        var rng = new Random(seed + 1);
        var orders = lines / 4;
        for (long o = 0; o < orders; o++)
        {
            // Squaring a uniform skews orders towards low positions: heavy shoppers first; the top fifth rarely buys.
            var u = rng.NextDouble();
            var customer = (int)(u * u * customers * 0.8);
            var day = AsOf.AddDays(-730 + (int)(730 * o / orders));
            var n = 1 + rng.Next(7);
            var spend = new KeyValuePair<string, long>[n];
            long total = 0;
            for (var k = 0; k < n; k++)
            {
                var amount = 100L * (1 + rng.Next(60));
                spend[k] = KeyValuePair.Create(Categories[rng.Next(Categories.Length)], amount);
                total += amount;
            }
            var cancelled = rng.Next(50) == 0;
            yield return (customer, new PurchaseFact(day, total, Channels[rng.Next(Channels.Length)], $"S{rng.Next(40):000}", spend, !cancelled));
        }
    }
}
