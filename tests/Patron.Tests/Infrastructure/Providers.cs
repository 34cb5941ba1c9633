using Patron.Platform;

namespace Patron.Tests.Infrastructure;

/// <summary>Theory data that runs a test case once on SQLite and once on PostgreSQL.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);
}
