using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Patron.Platform;

/// <summary>
/// Stores DateTime as is and reads it back marked as UTC. Patron keeps every time in UTC; without this, SQLite
/// returns Unspecified and JSON would print local-looking times without the Z.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
