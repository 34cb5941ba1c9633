using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Ingestion.Import;

public sealed class OrderImportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_messy_gbk_order_export_is_imported_and_every_row_is_accounted_for(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv", SampleFiles.Orders, ';', SampleFiles.Gbk);

        var report = await Importer.ImportAsync(database, new RunImport(path, ImportKind.Orders, "taobao"), Ct);

        Assert.Equal(ImportStatus.Completed, report.Status);
        Assert.Equal(SampleFiles.Orders.Length - 1, report.RowsRead);
        Assert.Equal(report.RowsRead, report.RowsAccepted + report.RowsRejected);
        Assert.Equal([5, 6, 7, 8, 11], report.Rejections.Select(r => r.Row));
        Assert.Contains(report.Rejections[0].Reasons, r => r.StartsWith("mobile '12345'"));
        Assert.Contains(report.Rejections[2].Reasons, r => r.Contains("order T1006"));
        Assert.Contains(report.Rejections[3].Reasons, r => r.StartsWith("quantity 'abc'"));
        Assert.Contains(report.Rejections[4].Reasons, r => r.Contains("future"));
        // T1001, T1002, T1003 (two lines), T1007 (anonymous), T1008, T1010.
        Assert.Equal((6, 7, 0), (report.OrdersCreated, report.OrderLinesCreated, report.DuplicatesSkipped));
        // T1008 shares T1001's mobile: the same customer, linked to its second buyer id too.
        Assert.Equal((4, 1), (report.CustomersCreated, report.CustomersMatched));

        await using var db = database.NewContext();
        var t1003 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "T1003", Ct);
        Assert.Equal((3000, 3000, 2), (t1003.GrossAmount, t1003.PaidAmount, t1003.Lines.Count));
        Assert.Equal(new DateTime(2024, 3, 7, 2, 0, 0, DateTimeKind.Utc), t1003.PlacedAt);
        var xiaoming = await db.CustomerIdentifiers.Where(i => i.Value == "+8613800138000").Select(i => i.CustomerId).SingleAsync(Ct);
        var linked = await db.CustomerIdentifiers.Where(i => i.CustomerId == xiaoming).Select(i => i.Value).OrderBy(v => v).ToListAsync(Ct);
        Assert.Equal(["+8613800138000", "taobao:xiaoming2", "taobao:小明"], linked);
        var customer = await db.Customers.SingleAsync(c => c.Id == xiaoming, Ct);
        Assert.Equal(("王小明", Gender.Male, "上海市", "浦东新区", "张江路1号"), (customer.Name, customer.Gender, customer.City, customer.District, customer.Address));
        Assert.Equal(2, await db.Orders.CountAsync(o => o.CustomerId == xiaoming, Ct));
        Assert.Equal(5, await db.Set<QuarantinedRow>().CountAsync(Ct));
        var wu = await db.Customers.SingleAsync(c => c.Mobile == "+8613200132000", Ct);
        Assert.Equal(("重庆市", "渝中区"), (wu.Province, wu.District));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Each_rejected_row_names_its_problems_by_code_field_and_value_and_the_quarantine_keeps_their_english_texts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv", SampleFiles.Orders, ';', SampleFiles.Gbk);

        var report = await Importer.ImportAsync(database, new RunImport(path, ImportKind.Orders, "taobao"), Ct);

        var byRow = report.Rejections.ToDictionary(r => r.Row);
        var mobile = Assert.Single(byRow[5].Problems);
        Assert.Equal((ProblemCode.PhoneInvalid, "mobile", "12345", "5"), (mobile.Code, mobile.Field, mobile.Value, mobile.Args["digits"]));
        Assert.Equal((ProblemCode.Required, "placedAt"), (Assert.Single(byRow[6].Problems).Code, byRow[6].Problems[0].Field));
        var whole = Assert.Single(byRow[7].Problems);
        Assert.Equal((ProblemCode.OrderRejectedWhole, "T1006", "8"), (whole.Code, whole.Args["orderId"], whole.Args["row"]));
        var quantity = Assert.Single(byRow[8].Problems);
        Assert.Equal((ProblemCode.QuantityNotWhole, "quantity", "abc"), (quantity.Code, quantity.Field, quantity.Value));
        var future = Assert.Single(byRow[11].Problems);
        Assert.Equal((ProblemCode.TimeInFuture, "placedAt", "2099-01-01 00:00:00"), (future.Code, future.Field, future.Value));
        Assert.All(report.Rejections, r => Assert.Equal(r.Problems.Select(p => p.Text), r.Reasons));
        Assert.Equal("mobile '12345': Not a valid phone number (5 digits): a mainland China mobile has 11 digits and starts with 1, " +
            "a landline is a 2- to 4-digit area code and 7 or 8 digits.", mobile.Text);

        await using var db = database.NewContext();
        var stored = await db.Set<QuarantinedRow>().AsNoTracking().ToDictionaryAsync(q => q.RowNumber, q => q.Reasons, Ct);
        Assert.All(report.Rejections, r => Assert.Equal(string.Join("; ", r.Reasons), stored[r.Row]));
        Assert.Equal("Another row of order T1006 was rejected (row 8); an order is imported whole or not at all.", stored[7]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Importing_the_same_file_twice_leaves_what_importing_it_once_left(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv.gz", SampleFiles.Orders, '\t', gzip: true);
        var request = new RunImport(path, ImportKind.Orders, "taobao", BatchSize: 3);

        var first = await Importer.ImportAsync(database, request, Ct);
        var once = await Importer.StateAsync(database, Ct);
        var second = await Importer.ImportAsync(database, request, Ct);

        Assert.Equal(once, await Importer.StateAsync(database, Ct));
        Assert.Equal((0, 0, first.OrdersCreated), (second.OrdersCreated, second.CustomersCreated, second.DuplicatesSkipped));
        Assert.Equal((first.RowsRead, first.RowsAccepted, first.RowsRejected), (second.RowsRead, second.RowsAccepted, second.RowsRejected));
        await using var db = database.NewContext();
        Assert.Equal(first.RowsRejected, await db.Set<QuarantinedRow>().CountAsync(q => q.JobId == second.JobId, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_order_stored_already_is_skipped_before_its_buyer_is_resolved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        string[] header = SampleFiles.OrderHeaders;
        var first = files.Csv("first.csv", [header, ["T9001", "小明", "王小明", "13800138000", "上海市浦东新区张江路1号", "2024-03-05 14:23:11", "25.80", "有机苹果", "2", "25.80"]]);
        // The same order id again, now with another buyer and a new one beside it.
        var second = files.Csv("second.csv",
        [
            header,
            ["T9001", "老李", "李四", "13900139000", "北京市朝阳区建国路88号", "2024-03-05 14:23:11", "25.80", "有机苹果", "2", "25.80"],
            ["T9002", "老李", "李四", "13900139000", "北京市朝阳区建国路88号", "2024-03-06 09:00:00", "10.00", "香蕉", "1", "10.00"],
        ]);

        await Importer.ImportAsync(database, new RunImport(first, ImportKind.Orders, "taobao"), Ct);
        var report = await Importer.ImportAsync(database, new RunImport(second, ImportKind.Orders, "taobao"), Ct);

        Assert.Equal((1, 1, 1, 0), (report.OrdersCreated, report.DuplicatesSkipped, report.CustomersCreated, report.CustomersMatched));
        await using var db = database.NewContext();
        var t9001 = await db.Orders.SingleAsync(o => o.ExternalId == "T9001", Ct);
        var xiaoming = await db.CustomerIdentifiers.Where(i => i.Value == "+8613800138000").Select(i => i.CustomerId).SingleAsync(Ct);
        Assert.Equal(xiaoming, t9001.CustomerId);
        Assert.Equal(2, await db.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_killed_import_run_again_ends_as_one_clean_run(DatabaseProvider provider)
    {
        using var files = new SampleFiles();
        var path = files.Csv("orders.csv", SampleFiles.Orders);
        var request = new RunImport(path, ImportKind.Orders, "taobao", BatchSize: 2);
        await using var clean = await TestDatabase.CreateAsync(provider);
        await Importer.ImportAsync(clean, request, Ct);

        await using var killed = await TestDatabase.CreateAsync(provider);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var batches = 0;
        var cancelAfterTwo = new Importer.Callback(_ => { if (++batches == 2) cts.Cancel(); });
        await using (var db = killed.NewContext())
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer.Run(db).HandleAsync(request, cancelAfterTwo, cts.Token));
        await using (var db = killed.NewContext())
        {
            var job = await db.Set<ImportJob>().SingleAsync(Ct);
            Assert.Equal(ImportStatus.Cancelled, job.Status);
            Assert.Equal(job.RowsRead, job.RowsAccepted + job.RowsRejected);
            Assert.InRange(job.RowsRead, 4, 5);
        }
        var rerun = await Importer.ImportAsync(killed, request, Ct);

        Assert.Equal(ImportStatus.Completed, rerun.Status);
        Assert.Equal(await Importer.StateAsync(clean, Ct), await Importer.StateAsync(killed, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_order_row_is_filed_under_the_existing_customer_who_owns_its_mobile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid existing;
        await using (var db = database.NewContext())
            existing = (await Handlers.CreateCustomer(db).HandleAsync(new Patron.Customers.CreateCustomer("李丽丽", Mobile: "13900139000"), Handlers.Clerk, ct: Ct)).Ok().Id;
        using var files = new SampleFiles();

        var report = await Importer.ImportAsync(database, new RunImport(files.Xlsx("orders.xlsx", SampleFiles.Orders), ImportKind.Orders, "taobao"), Ct);

        Assert.Equal((3, 2), (report.CustomersCreated, report.CustomersMatched));
        await using var check = database.NewContext();
        var order = await check.Orders.SingleAsync(o => o.ExternalId == "T1002", Ct);
        Assert.Equal(existing, order.CustomerId);
        // The import links the buyer id but leaves the customer's own record as it was.
        Assert.Equal("李丽丽", (await check.Customers.SingleAsync(c => c.Id == existing, Ct)).Name);
        Assert.True(await check.CustomerIdentifiers.AnyAsync(i => i.CustomerId == existing && i.Value == "taobao:lily_li", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_mapping_used_is_remembered_for_the_source(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new SampleFiles();
        var renamed = SampleFiles.Orders.Select(r => r.ToArray()).ToArray();
        renamed[0][0] = "单据";
        var mapping = ColumnMapping.Suggest(ImportKind.Orders, SampleFiles.OrderHeaders) is var m
            ? m with { Columns = new(m.Columns) { ["orderId"] = "单据" } } : null;
        var path = files.Csv("renamed.csv", renamed);

        await Importer.ImportAsync(database, new RunImport(path, ImportKind.Orders, "pos-a", mapping), Ct);
        var again = await Importer.ImportAsync(database, new RunImport(path, ImportKind.Orders, "pos-a"), Ct);
        var other = Importer.ImportAsync(database, new RunImport(path, ImportKind.Orders, "pos-b"), Ct);

        Assert.Equal(6, again.DuplicatesSkipped);
        var refused = await Assert.ThrowsAsync<ImportRefused>(() => other);
        Assert.Contains(refused.Problems, p => p.Contains("orderId"));
    }
}
