namespace Patron.Ingestion.Cleaning;

/// <summary>
/// A cleaned value of a typed field, or why the raw value was refused (a <see cref="RowProblem"/> without its field); the typed sibling of
/// <see cref="Patron.Customers.Contracts.Normalised"/>. Bad input is data to quarantine with its reason, never an exception.
/// Neither a value nor an error: the field was empty.
/// </summary>
public readonly record struct Cleaned<T>(T Value, RowProblem? Problem, bool HasValue)
{
    public static Cleaned<T> Empty => default;
    public static Cleaned<T> Ok(T value) => new(value, null, true);
    public static Cleaned<T> Fail(RowProblem problem) => new(default!, problem, false);
    public bool IsEmpty => !HasValue && Problem is null;

    /// <summary>Why the value was refused, in English, without the field (the rule does not know it).</summary>
    public string? Error => Problem?.Text;
}
