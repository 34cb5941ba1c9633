namespace Patron.Engine.Features;

/// <summary>A growing string dictionary: each distinct value gets the next code, for category columns and per-key arrays.</summary>
sealed class Codes
{
    readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    readonly List<string> values = [];

    public int Count => values.Count;

    public string[] ToArray() => [.. values];

    public string this[int code] => values[code];

    /// <summary>The code of the value, adding it if new; -1 for null (a missing value).</summary>
    public int Of(string? value, out bool added)
    {
        added = false;
        if (value is null) return -1;
        if (index.TryGetValue(value, out var code)) return code;
        index.Add(value, code = values.Count);
        values.Add(value);
        added = true;
        return code;
    }

    public bool TryFind(string value, out int code) => index.TryGetValue(value, out code);
}
