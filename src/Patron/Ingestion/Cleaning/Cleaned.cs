namespace Patron.Ingestion.Cleaning;

/// <summary>
/// A cleaned value of a typed field, or why the raw value was refused; the typed sibling of
/// <see cref="Patron.Customers.Contracts.Normalised"/>. Bad input is data to quarantine with its reason, never an exception.
/// Neither a value nor an error: the field was empty.
/// </summary>
public readonly record struct Cleaned<T>(T Value, string? Error, bool HasValue)
{
    public static Cleaned<T> Empty => default;
    public static Cleaned<T> Ok(T value) => new(value, null, true);
    public static Cleaned<T> Fail(string error) => new(default!, error, false);
    public bool IsEmpty => !HasValue && Error is null;
}
