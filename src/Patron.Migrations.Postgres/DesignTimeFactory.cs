using Microsoft.EntityFrameworkCore.Design;
using Patron.Platform;

namespace Patron.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for this provider; scripts/add-migration.sh calls it.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PatronDb>
{
    public PatronDb CreateDbContext(string[] args) =>
        PatronDatabase.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=patron;Username=patron" });
}
