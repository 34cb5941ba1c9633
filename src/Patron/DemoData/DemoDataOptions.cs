namespace Patron.DemoData;

/// <summary>What to generate. The same options (with the same AsOf) always produce the same rows, ids included.</summary>
public sealed record DemoDataOptions
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public int Customers { get; init; } = 20_000;

    public int Months { get; init; } = 24;

    public int Seed { get; init; } = 42;

    /// <summary>zh-CN or en: names of people, products, categories and stores. Places and mobiles stay Chinese either way.</summary>
    public string Locale { get; init; } = Chinese;

    /// <summary>The simulated period ends the day before this date (China time); null means today (UTC).</summary>
    public DateOnly? AsOf { get; init; }

    internal bool IsEnglish => string.Equals(Locale, English, StringComparison.OrdinalIgnoreCase);

    public void Validate()
    {
        if (Customers is < 1 or > 5_000_000) throw new DemoDataException($"Customers must be between 1 and 5,000,000 (was {Customers}).");
        if (Months is < 1 or > 120) throw new DemoDataException($"Months must be between 1 and 120 (was {Months}).");
        if (!IsEnglish && !string.Equals(Locale, Chinese, StringComparison.OrdinalIgnoreCase))
            throw new DemoDataException($"Locale must be {Chinese} or {English} (was '{Locale}').");
    }
}

/// <summary>An expected refusal (bad options, a database that already has customers): hosts show the message, not a stack trace.</summary>
public sealed class DemoDataException(string message) : Exception(message);
