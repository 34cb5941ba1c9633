using Microsoft.Data.Sqlite;
using Npgsql;

namespace Patron.Ingestion.Batches;

/// <summary>
/// A write refused by a unique index, on either provider, through EF (DbUpdateException) or the bulk writer (the
/// provider's own exception). For an ingest it means another request wrote the same keys after this one looked for them.
/// </summary>
static class UniqueRace
{
    const int SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555;

    public static bool Lost(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                || x is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey })
                return true;
        return false;
    }
}
