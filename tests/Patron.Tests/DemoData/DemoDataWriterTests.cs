using Microsoft.EntityFrameworkCore;
using Patron.DemoData;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.DemoData;

public sealed class DemoDataWriterTests
{
    static readonly DemoDataOptions Small = new() { Customers = 300, Months = 6, Seed = 42, AsOf = new DateOnly(2025, 9, 1) };

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_small_data_set_is_stored_and_reads_back_through_EF(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var reports = new List<DemoProgress>();
        DemoDataSummary summary;
        await using (var db = database.NewContext())
            summary = await DemoDataWriter.WriteAsync(db, Small, new Recorder(reports), Ct);

        var expected = new DemoSample(Small);
        await using var read = database.NewContext();
        Assert.Equal(300, await read.Customers.CountAsync(Ct));
        Assert.Equal(expected.Customers.Sum(c => c.Identifiers.Count), await read.CustomerIdentifiers.CountAsync(Ct));
        Assert.Equal(expected.Sales.Count, await read.Orders.CountAsync(Ct));
        Assert.Equal(expected.Sales.Sum(s => s.Order.Lines.Count), await read.OrderLines.CountAsync(Ct));
        Assert.Equal(expected.Sales.Sum(s => s.Events.Count), await read.CustomerEvents.CountAsync(Ct));
        Assert.Equal(expected.Generator.Catalog.Products.Count, await read.Products.CountAsync(Ct));
        Assert.Equal(expected.Orders.Sum(o => o.PaidAmount), await read.Orders.SumAsync(o => o.PaidAmount, Ct));
        Assert.Equal(expected.Sales.Count, summary.Tables.Single(t => t.Table == "commerce_orders").Rows);
        Assert.Equal(8, summary.Tables.Count);
        Assert.Equal([DemoPhase.Catalog, DemoPhase.Customers, DemoPhase.Orders], reports.Select(r => r.Phase).Distinct());
        Assert.All(reports.GroupBy(r => r.Phase), g => Assert.Equal(g.Last().Total, g.Last().Done));
    }

    [Fact]
    public async Task A_database_that_has_customers_is_refused_and_left_alone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.NewContext())
            await DemoDataWriter.WriteAsync(db, Small with { Customers = 20, Months = 1 }, null, Ct);
        await using var again = database.NewContext();
        var e = await Assert.ThrowsAsync<DemoDataException>(() => DemoDataWriter.WriteAsync(again, Small, null, Ct));
        Assert.Contains("already has customers", e.Message);
        Assert.Equal(20, await again.Customers.CountAsync(Ct));
    }

    sealed class Recorder(List<DemoProgress> reports) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => reports.Add(value);
    }
}
