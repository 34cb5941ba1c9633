using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Patron.Customers;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers.Merging;

public sealed class MatchedMarkerMigrationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Customer New(string name)
    {
        var at = DateTime.UtcNow.AddDays(-30);
        return new Customer { Id = Ids.New(), Name = name, SignedUpAt = at, CreatedAt = at, UpdatedAt = at };
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Customers_there_when_the_marker_is_added_count_as_covered_and_later_ones_do_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var started = DateTime.UtcNow;
        await using (var db = database.NewContext())
        {
            // An existing shop's database, one migration before the marker.
            await db.GetService<IMigrator>().MigrateAsync("CustomerIdIndexes", Ct);
            db.Customers.Add(New("王芳"));
            await db.SaveChangesAsync(Ct);
            await db.Database.MigrateAsync(Ct);
            db.Customers.Add(New("李雷"));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.NewContext();
        var matched = await check.Customers.ToDictionaryAsync(c => c.Name, c => c.MatchedAt, Ct);
        Assert.InRange(matched["王芳"].GetValueOrDefault(), started.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Null(matched["李雷"]);
    }
}
