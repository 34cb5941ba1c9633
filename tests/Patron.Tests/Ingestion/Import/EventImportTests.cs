using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Ingestion.Import;

public sealed class EventImportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly string[] Headers = ["会员卡号", "手机", "事件类型", "时间", "商品", "门店", "关键词"];

    /// <summary>
    /// 7 rows for two known customers (card 8800 0001, mobile 13900139000): rows 1-4 are good; row 5 names a customer
    /// nobody has; row 6 has an unknown event type; row 7 has a bad time. Row 4 repeats row 1 cell for cell.
    /// </summary>
    static string[][] Events =>
    [
        Headers,
        ["8800 0001", "", "到店", "2024-03-05 10:00:00", "", "总店", ""],
        ["", "139 0013 9000", "浏览商品", "2024-03-05 10:05:00", "有机苹果", "", ""],
        ["", "+86 139-0013-9000", "search", "2024/3/5 10:06", "", "", "牛奶"],
        ["8800 0001", "", "到店", "2024-03-05 10:00:00", "", "总店", ""],
        ["9999 9999", "13700137000", "加购", "2024-03-05 11:00:00", "香蕉", "", ""],
        ["8800 0001", "", "跳舞", "2024-03-05 12:00:00", "", "", ""],
        ["8800 0001", "", "加购", "昨天", "香蕉", "", ""],
    ];

    static async Task<(Guid Card, Guid Mobile)> CustomersAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var card = (await Handlers.CreateCustomer(db).HandleAsync(new Patron.Customers.CreateCustomer("陈一", MemberCardNo: "8800 0001"), Handlers.Clerk, ct: Ct)).Ok().Id;
        var mobile = (await Handlers.CreateCustomer(db).HandleAsync(new Patron.Customers.CreateCustomer("李丽", Mobile: "13900139000"), Handlers.Clerk, ct: Ct)).Ok().Id;
        return (card, mobile);
    }

    [Fact]
    public void Chinese_and_english_event_headers_are_mapped_to_their_fields()
    {
        Assert.Equal(new Dictionary<string, string>
        {
            ["memberCard"] = "会员卡号", ["mobile"] = "手机", ["eventType"] = "事件类型", ["eventAt"] = "时间", ["productName"] = "商品",
            ["store"] = "门店", ["keyword"] = "关键词",
        }, ColumnMapping.Suggest(ImportKind.Events, Headers).Columns);
        Assert.Equal(["eventId", "eventType", "eventAt", "email", "sku"],
            ColumnMapping.Suggest(ImportKind.Events, ["Event ID", "event_type", "Timestamp", "E-mail", "SKU", "Name"]).Columns.Keys);
    }

    [Theory]
    [InlineData("到店", EventKind.StoreVisit)]
    [InlineData("Add To Cart", EventKind.AddToCart)]
    [InlineData("page_view", EventKind.PageView)]
    [InlineData("浏览商品", EventKind.ProductView)]
    [InlineData("领券", EventKind.CouponClaim)]
    [InlineData("ＳＥＡＲＣＨ", EventKind.Search)]
    public void Event_types_are_read_in_chinese_and_english(string raw, EventKind kind) => Assert.Equal(kind, EventKinds.Parse(raw));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_are_filed_under_known_customers_and_an_unknown_customer_is_quarantined_not_created(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (card, mobile) = await CustomersAsync(database);
        using var files = new SampleFiles();
        var path = files.Csv("events.csv", Events, ',', SampleFiles.Gbk);

        var report = await Importer.ImportAsync(database, new RunImport(path, ImportKind.Events, "app"), Ct);

        Assert.Equal(ImportStatus.Completed, report.Status);
        Assert.Equal((7L, 4L, 3L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal((3L, 1L), (report.EventsCreated, report.DuplicatesSkipped));
        Assert.Equal([5, 6, 7], report.Rejections.Select(r => r.Row));
        Assert.Contains(report.Rejections[0].Reasons, r => r.StartsWith("Unknown customer") && r.Contains("+8613700137000"));
        Assert.Contains(report.Rejections[1].Reasons, r => r.StartsWith("eventType '跳舞'"));
        Assert.Contains(report.Rejections[2].Reasons, r => r.StartsWith("eventAt"));
        Assert.Equal(
            [(ProblemCode.UnknownCustomer, null, null), (ProblemCode.EventTypeUnknown, "eventType", "跳舞"), (ProblemCode.DateUnrecognised, "eventAt", "昨天")],
            report.Rejections.Select(r => Assert.Single(r.Problems)).Select(p => (p.Code, p.Field, p.Value)));

        await using var db = database.NewContext();
        Assert.Equal(2, await db.Customers.CountAsync(Ct));
        var events = await db.CustomerEvents.AsNoTracking().OrderBy(e => e.At).ToListAsync(Ct);
        Assert.Equal([(card, EventKind.StoreVisit), (mobile, EventKind.ProductView), (mobile, EventKind.Search)], events.Select(e => (e.CustomerId, e.Kind)));
        Assert.Equal(new DateTime(2024, 3, 5, 2, 0, 0, DateTimeKind.Utc), events[0].At);
        Assert.Equal("{\"keyword\":\"牛奶\"}", events[2].Payload);
        Assert.All(events, e => Assert.Equal("app", e.Source));
        Assert.Equal(3, await db.Set<QuarantinedRow>().CountAsync(q => q.JobId == report.JobId, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Importing_the_same_events_twice_adds_them_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CustomersAsync(database);
        using var files = new SampleFiles();
        var request = new RunImport(files.Csv("events.csv", Events), ImportKind.Events, "app", BatchSize: 2);

        var first = await Importer.ImportAsync(database, request, Ct);
        var second = await Importer.ImportAsync(database, request, Ct);

        Assert.Equal(3, first.EventsCreated);
        Assert.Equal((0L, 4L), (second.EventsCreated, second.DuplicatesSkipped));
        Assert.Equal((first.RowsRead, first.RowsAccepted, first.RowsRejected), (second.RowsRead, second.RowsAccepted, second.RowsRejected));
        Assert.Equal(second.RowsRead, second.RowsAccepted + second.RowsRejected);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.CustomerEvents.CountAsync(Ct));
        Assert.Equal(3, await db.Set<QuarantinedRow>().CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_event_id_column_decides_duplicates_instead_of_the_row_hash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CustomersAsync(database);
        using var files = new SampleFiles();
        string[][] first = [["事件ID", "会员卡号", "事件类型", "时间"], ["E1", "8800 0001", "到店", "2024-03-05 10:00"], ["E2", "8800 0001", "登录", "2024-03-05 11:00"]];
        // The same events exported again with a corrected time: the ids say they are the same events.
        string[][] again = [first[0], ["E1", "8800 0001", "到店", "2024-03-05 10:01"], ["E3", "8800 0001", "领券", "2024-03-06 09:00"]];

        await Importer.ImportAsync(database, new RunImport(files.Csv("a.csv", first), ImportKind.Events, "mini", Preset: MappingPresets.Events), Ct);
        var report = await Importer.ImportAsync(database, new RunImport(files.Csv("b.csv", again), ImportKind.Events, "mini"), Ct);

        Assert.Equal((1L, 1L), (report.EventsCreated, report.DuplicatesSkipped));
        await using var db = database.NewContext();
        Assert.Equal(["E1", "E2", "E3"], await db.CustomerEvents.OrderBy(e => e.ExternalId).Select(e => e.ExternalId!).ToListAsync(Ct));
        Assert.All(await db.CustomerEvents.ToListAsync(Ct), e => Assert.Equal(SalesChannel.MiniProgram, e.Channel));
    }
}
