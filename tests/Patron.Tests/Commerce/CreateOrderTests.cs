using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Commerce;

public sealed class CreateOrderTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static DateTime AnHourAgo => DateTime.UtcNow.AddHours(-1);

    internal static CreateOrder Sale(string externalId, params CreateOrderLine[] lines) =>
        new(SalesChannel.Pos, externalId, AnHourAgo, lines, StoreCode: Catalog.StoreCode, PaymentMethod: PaymentMethod.WeChatPay);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Gross_is_the_sum_of_the_lines_and_paid_is_gross_less_discount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var catalog = await Catalog.SeedAsync(db);

        var created = (await Handlers.CreateOrder(db).HandleAsync(Sale("T-1",
            new CreateOrderLine(Catalog.Apples, Quantity: 3, UnitPrice: 1290),
            new CreateOrderLine(ProductId: catalog.MilkId, Quantity: 2, UnitPrice: 1550, Amount: 2800)) with
        {
            DiscountAmount = 500, GrossAmount = 6670, PaidAmount = 6170,
        }, Ct)).Ok();

        var order = created.Order.Order;
        Assert.False(created.Replayed);
        Assert.Equal((6670L, 500L, 6170L, "CNY", catalog.StoreId, 2), (order.GrossAmount, order.DiscountAmount, order.PaidAmount, order.Currency, order.StoreId, order.LineCount));
        Assert.Equal([(1, Catalog.Apples, 3870L), (2, Catalog.Milk, 2800L)], created.Order.Lines.Select(l => (l.LineNo, l.Sku, l.Amount)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_customer_is_found_by_mobile_or_card_and_every_line_carries_their_id(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await Catalog.SeedAsync(db);
        var customer = (await Handlers.CreateCustomer(db).HandleAsync(new CreateCustomer("王芳", Mobile: "13800138000", MemberCardNo: "8800 0001"),
            Handlers.Clerk, ct: Ct)).Ok();
        var line = new CreateOrderLine(Catalog.Apples, Quantity: 1, UnitPrice: 1290);

        var byMobile = (await Handlers.CreateOrder(db).HandleAsync(Sale("T-1", line) with { CustomerMobile = "138 0013 8000" }, Ct)).Ok();
        var byCard = (await Handlers.CreateOrder(db).HandleAsync(Sale("T-2", line) with { CustomerMemberCardNo = "88000001" }, Ct)).Ok();
        var anonymous = (await Handlers.CreateOrder(db).HandleAsync(Sale("T-3", line), Ct)).Ok();

        Assert.Equal((customer.Id, customer.Id, null), (byMobile.Order.Order.CustomerId, byCard.Order.Order.CustomerId, anonymous.Order.Order.CustomerId));
        await using var check = database.NewContext();
        var lines = await check.OrderLines.Where(l => l.OrderId != anonymous.Order.Order.Id).ToListAsync(Ct);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(customer.Id, l.CustomerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_time_with_an_offset_is_stored_as_UTC_and_one_without_a_zone_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await Catalog.SeedAsync(db);
        var line = new CreateOrderLine(Catalog.Apples, Quantity: 1, UnitPrice: 1290);
        var utc = new DateTime(2025, 3, 1, 2, 30, 0, DateTimeKind.Utc);

        var local = (await Handlers.CreateOrder(db).HandleAsync(Sale("T-1", line) with { PlacedAt = utc.ToLocalTime() }, Ct)).Ok();
        var unzoned = await Handlers.CreateOrder(db).HandleAsync(Sale("T-2", line) with { PlacedAt = new DateTime(2025, 3, 1, 10, 30, 0) }, Ct);

        Assert.Equal(utc, local.Order.Order.PlacedAt);
        Assert.Equal(["placedAt"], unzoned.Fields());
    }

    public static TheoryData<DatabaseProvider, string, string> Invalid => new()
    {
        { DatabaseProvider.Sqlite, "negative quantity", "lines[0].quantity" },
        { DatabaseProvider.Sqlite, "unknown product", "lines[0].sku" },
        { DatabaseProvider.Sqlite, "unknown store", "storeCode" },
        { DatabaseProvider.Sqlite, "future", "placedAt" },
        { DatabaseProvider.Sqlite, "no lines", "lines" },
        { DatabaseProvider.Sqlite, "wrong gross", "grossAmount" },
        { DatabaseProvider.Sqlite, "wrong paid", "paidAmount" },
        { DatabaseProvider.Sqlite, "discount over gross", "discountAmount" },
        { DatabaseProvider.Sqlite, "unknown customer", "customerMobile" },
        { DatabaseProvider.Sqlite, "no external id", "externalId" },
        { DatabaseProvider.Postgres, "negative quantity", "lines[0].quantity" },
        { DatabaseProvider.Postgres, "unknown product", "lines[0].sku" },
        { DatabaseProvider.Postgres, "unknown store", "storeCode" },
        { DatabaseProvider.Postgres, "wrong paid", "paidAmount" },
        { DatabaseProvider.Postgres, "unknown customer", "customerMobile" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_order_names_the_field_and_writes_nothing(DatabaseProvider provider, string problem, string field)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await Catalog.SeedAsync(db);
        var good = Sale("T-1", new CreateOrderLine(Catalog.Apples, Quantity: 2, UnitPrice: 1290));
        var request = problem switch
        {
            "negative quantity" => good with { Lines = [new CreateOrderLine(Catalog.Apples, Quantity: -1, UnitPrice: 1290)] },
            "unknown product" => good with { Lines = [new CreateOrderLine("NO-SUCH-SKU", Quantity: 1, UnitPrice: 1290)] },
            "unknown store" => good with { StoreCode = "NOPE" },
            "future" => good with { PlacedAt = DateTime.UtcNow.AddDays(2) },
            "no lines" => good with { Lines = [] },
            "wrong gross" => good with { GrossAmount = 1 },
            "wrong paid" => good with { DiscountAmount = 80, PaidAmount = 2580 },
            "discount over gross" => good with { DiscountAmount = 9999 },
            "unknown customer" => good with { CustomerMobile = "13811112222" },
            "no external id" => good with { ExternalId = "  " },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var result = await Handlers.CreateOrder(db).HandleAsync(request, Ct);

        Assert.Equal([field], result.Fields());
        await using var check = database.NewContext();
        Assert.Equal((0, 0), (await check.Orders.CountAsync(Ct), await check.OrderLines.CountAsync(Ct)));
    }
}
