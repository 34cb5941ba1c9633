using System.Globalization;

namespace Patron.Web.Localization;

/// <summary>How amounts and enum values read on screen, the same in every page.</summary>
public static class Display
{
    /// <summary>Fen to yuan: 123450 → ¥1,234.50. Grouping and decimals do not change with the UI language.</summary>
    public static string Money(long fen) =>
        (fen < 0 ? "-" : "") + "¥" + (Math.Abs((decimal)fen) / 100m).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Yuan as typed into a form to fen, rounded half away from zero: 12.345 → 1235.</summary>
    public static long Fen(decimal yuan) => (long)Math.Round(yuan * 100, MidpointRounding.AwayFromZero);

    /// <summary>An enum value's name in the current language; the strings live in enums.json as "Type.Member".</summary>
    public static string Name<TEnum>(this Text text, TEnum value) where TEnum : struct, Enum =>
        text[EnumKey(value)];

    public static string EnumKey<TEnum>(TEnum value) where TEnum : struct, Enum => $"{typeof(TEnum).Name}.{value}";
}
