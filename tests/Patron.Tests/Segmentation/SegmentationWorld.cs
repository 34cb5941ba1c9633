using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Segmentation;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Segmentation;

/// <summary>
/// Three customers in a migrated database: 王芳 (上海, vip) bought apples twice, 李雷 (杭州) had one order cancelled and
/// one completed 100 days ago, 张伟 (上海) never bought. The engine is loaded from the database like the web host does.
/// </summary>
sealed class SegmentationWorld : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 3, 31, 4, 0, 0, DateTimeKind.Utc);
    readonly TestDatabase database;

    SegmentationWorld(TestDatabase database, PatronDb db, SegmentationEngine engine, Guid wang, Guid li, Guid zhang)
    {
        (this.database, Db, Engine, Wang, Li, Zhang) = (database, db, engine, wang, li, zhang);
        Signal = new SegmentationSignal();
    }

    public PatronDb Db { get; }
    public SegmentationEngine Engine { get; }
    public SegmentationSignal Signal { get; }
    public Guid Wang { get; }
    public Guid Li { get; }
    public Guid Zhang { get; }
    /// <summary>A second later at each reading, so successive refreshes are ordered in time as they are in production.</summary>
    public TimeProvider Clock { get; } = new TickingClock(Now);

    public static async Task<SegmentationWorld> CreateAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var db = database.NewContext();
        await Catalog.SeedAsync(db);
        var customers = Handlers.CreateCustomer(db);
        var wang = (await customers.HandleAsync(new CreateCustomer("王芳", Gender.Female, City: "上海", Mobile: "13800138000", Tags: ["vip"]), Handlers.Clerk, ct: ct)).Ok().Id;
        var li = (await customers.HandleAsync(new CreateCustomer("李雷", Gender.Male, City: "杭州", Mobile: "13900139000"), Handlers.Clerk, ct: ct)).Ok().Id;
        var zhang = (await customers.HandleAsync(new CreateCustomer("张伟", City: "上海"), Handlers.Clerk, ct: ct)).Ok().Id;
        var orders = Handlers.CreateOrder(db);
        await orders.HandleAsync(Sale("W-1", wang, Now.AddDays(-10), 3), ct);
        await orders.HandleAsync(Sale("W-2", wang, Now.AddDays(-2), 1), ct);
        await orders.HandleAsync(Sale("L-1", li, Now.AddDays(-5), 9) with { Status = OrderStatus.Cancelled }, ct);
        await orders.HandleAsync(Sale("L-2", li, Now.AddDays(-100), 1), ct);
        var engine = new SegmentationEngine(new Contexts(database), new FixedClock(Now), Options.Create(new PatronOptions()),
            Options.Create(new SegmentationOptions()));
        await engine.EnsureLoadedAsync(ct);
        return new SegmentationWorld(database, db, engine, wang, li, zhang);
    }

    public static CreateOrder Sale(string externalId, Guid customer, DateTime at, int apples) =>
        new(SalesChannel.Pos, externalId, at, [new CreateOrderLine(Catalog.Apples, Quantity: apples, UnitPrice: 1000)],
            StoreCode: Catalog.StoreCode, CustomerId: customer, PaymentMethod: PaymentMethod.WeChatPay);

    /// <summary>Places an order the way the API does: Commerce commits it, then tells the segmentation observer.</summary>
    public Task PlaceAsync(CreateOrder order, CancellationToken ct) =>
        new CreateOrderHandler(Db, new CustomerDirectory(Db), Clock, [new OrderFeatures(Engine, Signal)]).HandleAsync(order, ct);

    public PatronDb NewContext() => database.NewContext();

    public static JsonNode Rule(string json) => JsonNode.Parse(json)!;

    public CreateSegmentHandler Create() => new(Db, Engine, new AuditLog(Db, Clock), Signal, Clock);
    public UpdateSegmentHandler Update() => new(Db, Engine, new AuditLog(Db, Clock), Signal, Clock);
    public RefreshMembershipsHandler Refresh() => new(Db, Engine, Clock);
    public PreviewSegmentHandler Preview() => new(Engine, new CustomerDirectory(Db));
    public ListSegmentMembersHandler Members() => new(Db, new CustomerDirectory(Db));
    public SaveAutoTagRuleHandler SaveAutoTag() => new(Db, Engine, new AuditLog(Db, Clock), Signal, Clock);
    public RefreshAutoTagsHandler RefreshAutoTags() => new(Db, Engine, new CustomerTags(Db, Clock), new AuditLog(Db, Clock), Clock);
    public DeleteAutoTagRuleHandler DeleteAutoTag() => new(Db, RefreshAutoTags(), new AuditLog(Db, Clock));
    public ExportSegmentMembersHandler Export() => new(Db, new CustomerDirectory(Db), new AuditLog(Db, Clock));

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await database.DisposeAsync();
    }

    sealed class TickingClock(DateTime start) : TimeProvider
    {
        int ticks;

        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(start.AddSeconds(Interlocked.Increment(ref ticks)), DateTimeKind.Utc));
    }

    sealed class Contexts(TestDatabase database) : IDbContextFactory<PatronDb>
    {
        public PatronDb CreateDbContext() => database.NewContext();
    }
}
