using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.ApiKeys;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Platform;

public sealed class UtcTimeTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Times_come_back_from_the_database_marked_as_utc(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTime(2026, 3, 5, 8, 30, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            db.ApiKeys.Add(new ApiKey { Id = Ids.New(), Name = "k", Prefix = "abcdefgh", SecretHash = "h", CreatedAt = at, LastUsedAt = at });
            await db.SaveChangesAsync(ct);
        }
        await using var read = database.NewContext();
        var row = await read.ApiKeys.AsNoTracking().SingleAsync(ct);
        Assert.Equal(DateTimeKind.Utc, row.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, row.LastUsedAt!.Value.Kind);
        Assert.Equal(at, row.CreatedAt);
        Assert.Equal(at, row.LastUsedAt);
    }
}
