using Patron.Platform;

namespace Patron.Loyalty;

/// <summary>Checks shared by the ledger's write requests.</summary>
static class LedgerRequests
{
    public const int KeyLength = 100;
    public const int ReasonLength = 200;

    public static string? Key(string? key, ValidationErrors errors)
    {
        key = key?.Trim();
        if (string.IsNullOrEmpty(key))
            errors.Add("idempotencyKey", "Required: a key unique to this operation (e.g. the till's transaction id), which makes a retry safe.");
        else if (key.Length > KeyLength)
            errors.Add("idempotencyKey", $"At most {KeyLength} characters.");
        return key;
    }

    public static string Reason(string? reason, bool required, ValidationErrors errors)
    {
        reason = reason?.Trim() ?? "";
        if (required && reason.Length == 0) errors.Add("reason", "Required: say why, for the audit trail.");
        else if (reason.Length > ReasonLength) errors.Add("reason", $"At most {ReasonLength} characters.");
        return reason;
    }

    /// <summary>The key was already used by an operation of another kind: a client bug, not a replay.</summary>
    public static WriteResult<T> KeyTaken<T>(PointsEntry entry) where T : class
    {
        var errors = new ValidationErrors();
        errors.Add("idempotencyKey", $"Already used by a {entry.Kind.ToString().ToLowerInvariant()} entry; use a new key.");
        return WriteResult<T>.Invalid(errors);
    }

    public static void Positive(long points, ValidationErrors errors)
    {
        if (points <= 0) errors.Add("points", "Must be a positive number of points.");
    }
}
