namespace Patron.DemoData;

/// <summary>
/// The demo chain as streams of rows. Each part has its own random stream derived from the seed, so the parts can
/// be enumerated in any order, more than once, and always give the same rows; changing one part (say, the events)
/// leaves the others as they were.
/// </summary>
public sealed class DemoDataGenerator
{
    readonly DemoDataOptions options;
    readonly DemoCalendar calendar;
    readonly Shoppers shoppers;

    public DemoDataGenerator(DemoDataOptions options, TimeProvider? clock = null)
    {
        options.Validate();
        this.options = options;
        AsOf = options.AsOf ?? DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        calendar = new DemoCalendar(AsOf, options.Months);
        Catalog = new DemoCatalog(Stream(1), calendar, options.IsEnglish);
        shoppers = new Shoppers(Stream(2), Catalog, calendar, options.Customers);
    }

    public DateOnly AsOf { get; }

    /// <summary>Number of simulated days; the Orders phase reports progress in these.</summary>
    public int Days => calendar.Days;

    public DemoCatalog Catalog { get; }

    public IEnumerable<DemoCustomer> Customers()
    {
        var factory = new CustomerFactory(Stream(3), Catalog, calendar, shoppers, AsOf, options.IsEnglish);
        for (var i = 0; i < shoppers.All.Length; i++) yield return factory.Create(i);
    }

    /// <summary>All orders (members' and walk-ins') in time order.</summary>
    public IEnumerable<DemoSale> Sales() => new SaleSimulator(Stream(4), Catalog, calendar, shoppers).Run();

    /// <summary>Days simulated up to a moment (China time), for progress.</summary>
    public int DayOf(DateTime utc) =>
        Math.Clamp(DateOnly.FromDateTime(utc + DemoCalendar.ChinaOffset).DayNumber - calendar.Start.DayNumber, 0, calendar.Days);

    /// <summary>Independent streams per part: the seed mixed with the part number (a large odd multiplier spreads nearby seeds).</summary>
    DemoRandom Stream(int part) => new(unchecked(options.Seed * 1_000_003 + part * 7_919));
}
