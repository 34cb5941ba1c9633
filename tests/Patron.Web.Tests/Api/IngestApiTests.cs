using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Ingestion.Batches;
using Patron.Ingestion.Import;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Platform.Security;
using Patron.Tests.Infrastructure;

namespace Patron.Web.Tests.Api;

public sealed class IngestApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IngestBatch<IngestOrder> Orders(ApiSeed seed) => new("shop", [
        new IngestOrder("S-1", "2024-03-05 14:23:11", [new IngestOrderLine(seed.Apples.Sku, Quantity: 2, UnitPrice: 1290), new IngestOrderLine("NEW-1", "新品", 1, Amount: 500)],
            Mobile: "138 0013 8000", Store: seed.Store.Code),
        new IngestOrder("S-2", "2024-03-06T01:00:00Z", [new IngestOrderLine(ProductName: "豆腐", Quantity: 1, Amount: 350)], Paid: 300, Mobile: "+86-139-0013-9000", Name: "李丽"),
        new IngestOrder("S-3", "2024-03-07 10:00", [new IngestOrderLine(ProductName: "香蕉", Quantity: 1, Amount: 100)], Mobile: "12345"),
        new IngestOrder("", "2024-03-07 10:00", [new IngestOrderLine(ProductName: "香蕉", Quantity: 1, Amount: 100)]),
        new IngestOrder("S-1", "2024-03-05 14:23:11", [new IngestOrderLine(seed.Apples.Sku, Quantity: 2, UnitPrice: 1290)]),
    ]);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_order_batch_reports_each_item_and_a_replay_reports_duplicates_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.IngestWrite);

        var first = await (await client.PostJsonAsync("/api/v1/ingest/orders", Orders(seed))).ReadAsync<IngestResult>();
        var replay = await (await client.PostJsonAsync("/api/v1/ingest/orders", Orders(seed))).ReadAsync<IngestResult>();

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Duplicate], first.Items.Select(i => i.Status));
        Assert.Equal((5, 2, 1, 2), (first.Received, first.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal((2L, 1L, 1L), (first.OrdersCreated, first.CustomersCreated, first.CustomersMatched));
        Assert.Equal(("S-3", 2), (first.Items[2].ExternalId, first.Items[2].Index));
        Assert.Contains(first.Items[2].Reasons!, r => r.StartsWith("mobile '12345'"));
        Assert.Contains(first.Items[3].Reasons!, r => r.StartsWith("externalId"));
        Assert.Equal([IngestStatus.Duplicate, IngestStatus.Duplicate, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Duplicate], replay.Items.Select(i => i.Status));
        Assert.Equal((0L, 0L), (replay.OrdersCreated, replay.CustomersCreated));

        await using var db = app.Database.NewContext();
        var s1 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "S-1", Ct);
        Assert.Equal((seed.Customer.Id, 3080L, 2, seed.Store.Id), (s1.CustomerId!.Value, s1.PaidAmount, s1.Lines.Count, s1.StoreId!.Value));
        var s2 = await db.Orders.SingleAsync(o => o.ExternalId == "S-2", Ct);
        Assert.Equal((350L, 300L), (s2.GrossAmount, s2.PaidAmount));
        Assert.Equal(2, await db.Orders.CountAsync(Ct));
        // The two rejected items, kept once although the batch came twice.
        Assert.Equal(2, await db.Set<QuarantinedRow>().CountAsync(Ct));
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == first.JobId, Ct);
        Assert.Equal((job.RowsRead, "api"), (job.RowsAccepted + job.RowsRejected, job.FileName));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rejected_item_gives_each_problem_a_code_next_to_its_english_reason(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.IngestWrite);

        var response = await client.PostJsonAsync("/api/v1/ingest/orders", Orders(seed));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        var items = json.RootElement.GetProperty("items");
        var badMobile = items[2];
        var problem = badMobile.GetProperty("problems")[0];
        Assert.Equal(("PhoneInvalid", "mobile", "12345", "5"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString(),
            problem.GetProperty("value").GetString(), problem.GetProperty("args").GetProperty("digits").GetString()));
        // The reasons are as they were; each problem's text is its reason.
        Assert.StartsWith("mobile '12345': Not a valid phone number", badMobile.GetProperty("reasons")[0].GetString());
        Assert.Equal(badMobile.GetProperty("reasons")[0].GetString(), problem.GetProperty("text").GetString());
        Assert.Equal("ExternalIdRequired", items[3].GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("problems").ValueKind);
        Assert.Equal("ItemRepeated", items[4].GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Customers_and_events_go_through_the_same_matching_and_an_unknown_customer_rejects_its_event(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.IngestWrite);
        var members = new IngestBatch<IngestCustomer>("crm", [
            new IngestCustomer("M-1", "王芳", MemberCard: "8800 0001"),
            new IngestCustomer("M-2", "陈一 女士", Mobile: "１３１ ００１３ １０００", Birthday: "1990年5月6日"),
            new IngestCustomer("M-3", "林四", Birthday: "1992-02-30"),
        ]);
        var events = new IngestBatch<IngestEvent>("app", [
            new IngestEvent("E-1", "到店", "2024-03-05 10:00", MemberCard: "88000001"),
            new IngestEvent("E-2", "add_to_cart", "2024-03-05T03:00:00Z", Mobile: "13100131000", Sku: "DA-MILK"),
            new IngestEvent("E-3", "搜索", "2024-03-05 11:00", Mobile: "13700137000", Keyword: "苹果"),
        ]);

        var customers = await (await client.PostJsonAsync("/api/v1/ingest/customers", members)).ReadAsync<IngestResult>();
        var again = await (await client.PostJsonAsync("/api/v1/ingest/customers", members)).ReadAsync<IngestResult>();
        var first = await (await client.PostJsonAsync("/api/v1/ingest/events", events)).ReadAsync<IngestResult>();
        var replay = await (await client.PostJsonAsync("/api/v1/ingest/events", events)).ReadAsync<IngestResult>();

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Accepted, IngestStatus.Rejected], customers.Items.Select(i => i.Status));
        Assert.Equal((1L, 1L), (customers.CustomersCreated, customers.CustomersMatched));
        Assert.Contains(customers.Items[2].Reasons!, r => r.StartsWith("birthday"));
        Assert.Equal([IngestStatus.Duplicate, IngestStatus.Duplicate, IngestStatus.Rejected], again.Items.Select(i => i.Status));
        Assert.Equal([IngestStatus.Accepted, IngestStatus.Accepted, IngestStatus.Rejected], first.Items.Select(i => i.Status));
        Assert.StartsWith("Unknown customer", first.Items[2].Reasons![0]);
        Assert.Equal((2L, 2), (first.EventsCreated, replay.Duplicates));
        await using var db = app.Database.NewContext();
        Assert.Equal(2, await db.Customers.CountAsync(Ct));
        var chen = await db.Customers.SingleAsync(c => c.Mobile == "+8613100131000", Ct);
        Assert.Equal(("陈一", new DateOnly(1990, 5, 6)), (chen.Name, chen.Birthday!.Value));
        Assert.Equal([seed.Customer.Id, chen.Id], await db.CustomerEvents.OrderBy(e => e.At).Select(e => e.CustomerId).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task More_than_ten_thousand_items_answer_400_and_write_nothing(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var client = await app.ClientAsync(Permissions.IngestWrite);
        var items = Enumerable.Range(0, 10_001).Select(i => new IngestEvent($"E-{i}", "到店", "2024-03-05 10:00", Mobile: "13800138000")).ToList();

        var response = await client.PostJsonAsync("/api/v1/ingest/events", new IngestBatch<IngestEvent>("app", items));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("10,001", Assert.Single((await response.ErrorsAsync())["items"]));
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<ImportJob>().CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ingesting_needs_the_ingest_scope(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        using var client = await app.ClientAsync(Permissions.CustomersEdit, Permissions.OrdersCreate);

        var response = await client.PostJsonAsync("/api/v1/ingest/customers", new IngestBatch<IngestCustomer>("crm", [new IngestCustomer("M-1", "王芳", Mobile: "13800138000")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refund_batch_refunds_ingested_orders_once_and_rejects_an_unknown_order_or_an_over_refund(DatabaseProvider provider)
    {
        await using var app = await ApiFactory.CreateAsync(provider);
        var seed = await ApiSeed.WriteAsync(app);
        using var client = await app.ClientAsync(Permissions.IngestWrite);
        await client.PostJsonAsync("/api/v1/ingest/orders", Orders(seed));
        var refunds = new IngestBatch<IngestRefund>("shop", [
            new IngestRefund("RF-1", "S-1", 1000, "2024-03-06T02:00:00Z", "少发一件"),
            new IngestRefund("RF-2", "S-2", 301),
            new IngestRefund("RF-3", "S-404"),
        ]);

        var first = await (await client.PostJsonAsync("/api/v1/ingest/refunds", refunds)).ReadAsync<IngestResult>();
        var replay = await (await client.PostJsonAsync("/api/v1/ingest/refunds", refunds)).ReadAsync<IngestResult>();

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Rejected], first.Items.Select(i => i.Status));
        Assert.Equal("amount: Only 300 is left to refund.", Assert.Single(first.Items[1].Reasons!));
        Assert.StartsWith("orderId: Unknown order 'S-404'", Assert.Single(first.Items[2].Reasons!));
        Assert.Equal(1L, first.RefundsCreated);
        Assert.Equal([IngestStatus.Duplicate, IngestStatus.Rejected, IngestStatus.Rejected], replay.Items.Select(i => i.Status));
        await using var db = app.Database.NewContext();
        var s1 = await db.Orders.SingleAsync(o => o.ExternalId == "S-1", Ct);
        Assert.Equal((1000L, Patron.Commerce.Contracts.OrderStatus.PartlyRefunded), (s1.RefundedAmount, s1.Status));
        Assert.Equal(0L, (await db.Orders.SingleAsync(o => o.ExternalId == "S-2", Ct)).RefundedAmount);
        var quarantine = await client.GetStringAsync($"/api/v1/ingest/jobs/{replay.JobId}/quarantine", Ct);
        Assert.Contains("RF-3,S-404", quarantine);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Export && a.Subject == "import-quarantine", Ct);
        Assert.Equal(ActorKind.ApiKey, audit.ActorKind);
        Assert.Contains($"{replay.JobId}", audit.Detail);
        Assert.EndsWith(": 2 rows", audit.Detail);
    }
}
