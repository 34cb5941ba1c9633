using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Platform;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration for {provider}: run scripts/add-migration.sh NAME.");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_migrated_database_has_every_migration_applied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
    }
}
