using Patron.DemoData;

namespace Patron.Tests.DemoData;

/// <summary>One generated data set shared by the generator tests: big enough for shares and uplifts, small enough to be quick.</summary>
sealed class DemoSample
{
    public static readonly DemoDataOptions Options = new() { Customers = 2_000, Months = 12, Seed = 7, AsOf = new DateOnly(2026, 3, 1) };

    static readonly Lazy<DemoSample> Shared = new(() => new DemoSample(Options));

    public static DemoSample Get() => Shared.Value;

    public DemoSample(DemoDataOptions options)
    {
        Generator = new DemoDataGenerator(options);
        Customers = Generator.Customers().ToList();
        Sales = Generator.Sales().ToList();
    }

    public DemoDataGenerator Generator { get; }

    public List<DemoCustomer> Customers { get; }

    public List<DemoSale> Sales { get; }

    public IEnumerable<Patron.Commerce.Order> Orders => Sales.Select(s => s.Order);

    public IEnumerable<Patron.Commerce.Order> MemberOrders => Orders.Where(o => o.CustomerId is not null);

    /// <summary>The China-time calendar day of a UTC moment.</summary>
    public static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(8));
}
