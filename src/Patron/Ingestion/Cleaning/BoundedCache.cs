namespace Patron.Ingestion.Cleaning;

/// <summary>
/// The result of a pure cleaning rule per distinct raw value, for one import: exports repeat the same mobiles, names,
/// addresses and genders on many rows, and libphonenumber and the address parser cost far more than a lookup. Cleared
/// when full, so that memory stays flat on a file of any size (a value seen again after a clear is cleaned again, to
/// the same result). Not thread-safe: one cleaner, one thread.
/// </summary>
public sealed class BoundedCache<T>(Func<string, T> clean, int capacity = BoundedCache<T>.DefaultCapacity)
{
    public const int DefaultCapacity = 65_536;

    readonly Dictionary<string, T> values = new(StringComparer.Ordinal);

    public int Count => values.Count;

    public T Get(string raw)
    {
        if (values.TryGetValue(raw, out var value)) return value;
        value = clean(raw);
        if (values.Count >= capacity) values.Clear();
        values[raw] = value;
        return value;
    }
}
