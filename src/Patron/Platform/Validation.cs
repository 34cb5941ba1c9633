namespace Patron.Platform;

/// <summary>
/// Why a request was rejected: field → messages. Field names are the request's JSON names (camelCase, lines[0].quantity)
/// so that an API client can put each message beside its input; the API returns them as a ValidationProblem.
/// </summary>
public sealed class ValidationErrors
{
    readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public int Count => errors.Values.Sum(m => m.Count);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
        messages.Add(message);
    }

    public bool Has(string field) => errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public override string ToString() => string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}

/// <summary>The outcome of a write handler: the value, or the reasons it was rejected, or the target did not exist.</summary>
public sealed record WriteResult<T>(T? Value, ValidationErrors? Errors, bool NotFound = false) where T : class
{
    public static WriteResult<T> Ok(T value) => new(value, null);

    public static WriteResult<T> Invalid(ValidationErrors errors) => new(null, errors);

    public static WriteResult<T> Missing() => new(null, null, NotFound: true);
}

public static class UtcTime
{
    /// <summary>
    /// A time as UTC. JSON with Z or an offset arrives as Utc or Local and converts exactly; a time without a zone is
    /// refused, because a till in China sending local time would otherwise be filed eight hours off.
    /// </summary>
    public static DateTime? Normalise(DateTime? value, string field, ValidationErrors errors)
    {
        switch (value?.Kind)
        {
            case null: return null;
            case DateTimeKind.Utc: return value;
            case DateTimeKind.Local: return value.Value.ToUniversalTime();
            default:
                errors.Add(field, "Give a time zone: end the time with Z or an offset such as +08:00.");
                return null;
        }
    }
}

/// <summary>
/// Saving a row that a unique index guards. The handler checks for a duplicate before saving, but a concurrent
/// request can take the value between the check and the insert; the index then refuses the row
/// (DbUpdateException on both providers). Re-running the same check turns that into the field error the caller
/// would have got a moment later, instead of a 500. False: rejected, errors filled in.
/// </summary>
public static class UniqueSave
{
    public static async Task<bool> TrySaveAsync(PatronDb db, ValidationErrors errors, Func<Task> recheck, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await recheck();
            if (!errors.Any) throw;
            return false;
        }
    }
}
