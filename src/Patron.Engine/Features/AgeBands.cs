namespace Patron.Engine.Features;

/// <summary>The age bands marketers in China report by (the census splits at 18, then by decade from 25).</summary>
public static class AgeBands
{
    public static readonly string[] Keys = ["under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus"];

    static readonly int[] Lower = [0, 18, 25, 35, 45, 55, 65];

    /// <summary>Completed years on <paramref name="asOf"/>; a 29 February birthday counts on 28 February in common years.</summary>
    public static int Age(DateOnly birthday, DateOnly asOf)
    {
        var age = asOf.Year - birthday.Year;
        var thisYear = birthday.Month == 2 && birthday.Day == 29 && !DateTime.IsLeapYear(asOf.Year)
            ? new DateOnly(asOf.Year, 2, 28) : new DateOnly(asOf.Year, birthday.Month, birthday.Day);
        return asOf < thisYear ? age - 1 : age;
    }

    /// <summary>Index into <see cref="Keys"/>; -1 when there is no birthday or it lies after the as-of day.</summary>
    public static int Of(DateOnly? birthday, DateOnly asOf)
    {
        if (birthday is not { } b || b > asOf) return -1;
        var age = Age(b, asOf);
        var band = 0;
        while (band + 1 < Lower.Length && age >= Lower[band + 1]) band++;
        return band;
    }
}
