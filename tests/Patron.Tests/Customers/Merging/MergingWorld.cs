using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Customers.Merging;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers.Merging;

/// <summary>A test database with the real service wiring (every module's merge participant), one scope per call.</summary>
sealed class MergingWorld(TestDatabase database, ServiceProvider services) : IAsyncDisposable
{
    public static readonly Actor Reviewer = new(ActorKind.User, "user-7", "reviewer@patron.test");

    public TestDatabase Database => database;

    public static async Task<MergingWorld> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Patron:Database:Provider"] = database.Options.Provider.ToString(),
            ["Patron:Database:ConnectionString"] = database.Options.ConnectionString,
        }).Build();
        return new MergingWorld(database, new ServiceCollection().AddLogging().AddPatron(configuration).BuildServiceProvider());
    }

    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> Handler<THandler, T>(Func<THandler, Task<T>> action) where THandler : notnull =>
        With(sp => action(sp.GetRequiredService<THandler>()));

    public Task<MatchRunReport> RunAsync(bool dryRun = false) =>
        Handler<RunMatchingHandler, MatchRunReport>(h => h.HandleAsync(new RunMatching(dryRun), TestContext.Current.CancellationToken));

    public Task<WriteResult<MergeDone>> MergeAsync(Guid a, Guid b) =>
        Handler<MergeCustomersHandler, WriteResult<MergeDone>>(h => h.HandleAsync(new MergeCustomers(a, b), Reviewer, TestContext.Current.CancellationToken));

    public Task<WriteResult<MergeDone>> UnmergeAsync(Guid mergeId) =>
        Handler<UnmergeCustomersHandler, WriteResult<MergeDone>>(h => h.HandleAsync(new UnmergeCustomers(mergeId), Reviewer, TestContext.Current.CancellationToken));

    /// <summary>Inserts customers as they are, the way an import writes them (no identifier rows unless asked).</summary>
    public async Task<Customer> AddAsync(string name, string? mobile = null, DateOnly? birthday = null, string? address = null, Gender gender = Gender.Unknown,
        DateTime? createdAt = null, Action<Customer>? also = null)
    {
        var at = createdAt ?? DateTime.UtcNow.AddDays(-30);
        var c = new Customer
        {
            Id = Ids.New(), Name = name, Mobile = mobile, Birthday = birthday, Address = address, Gender = gender,
            SignUpChannel = SignUpChannel.Store, SignedUpAt = at, CreatedAt = at, UpdatedAt = at,
        };
        also?.Invoke(c);
        await using var db = database.NewContext();
        db.Customers.Add(c);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return c;
    }

    /// <summary>
    /// Every row of every table that points at customers (and the customers themselves, tombstones included), as
    /// JSON sorted by key: two snapshots are equal only when nothing changed in any of them.
    /// </summary>
    public async Task<Dictionary<string, string>> SnapshotAsync()
    {
        await using var db = database.NewContext();
        var tables = new Dictionary<string, string>();
        async Task Take<T>(IQueryable<T> rows, Func<T, string> key) where T : class =>
            tables[typeof(T).Name] = JsonSerializer.Serialize((await rows.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).OrderBy(key, StringComparer.Ordinal));
        await Take(db.Customers.IgnoreQueryFilters(), c => c.Id.ToString());
        await Take(db.CustomerIdentifiers, c => c.Id.ToString());
        await Take(db.CustomerEvents, c => c.Id.ToString());
        await Take(db.Orders, c => c.Id.ToString());
        await Take(db.OrderLines, c => c.Id.ToString());
        await Take(db.SegmentMemberships, c => c.Id.ToString());
        await Take(db.Set<Patron.Loyalty.PointsAccount>(), c => c.CustomerId.ToString());
        await Take(db.Set<Patron.Loyalty.PointsEntry>(), c => c.Id.ToString());
        await Take(db.Set<Patron.Loyalty.PointsLot>(), c => c.Id.ToString());
        await Take(db.Set<Patron.Loyalty.Coupon>(), c => c.Id.ToString());
        await Take(db.Set<Patron.Analytics.Predictions.CustomerForecast>(), c => c.CustomerId.ToString());
        return tables;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }
}
