using System.Text.RegularExpressions;
using Patron.Customers.Contracts;
using Patron.Engine.Matching;

namespace Patron.Ingestion.Cleaning;

/// <summary>
/// Splits a Chinese address into province, city, district and detail with the bundled <see cref="RegionTable"/>.
/// Every reading of the start of the address is tried (province written or omitted, full or short names) and the one
/// that explains the most characters wins, so 宁波市 is not read as 宁 (宁夏) + 波市, nor 吉林市 as 吉林省 + 市.
/// </summary>
public static partial class AddressCleaning
{
    sealed record Reading(Region? Province, Region? City, Region? District, int End);

    public static Cleaned<ChineseAddress> Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Cleaned<ChineseAddress>.Empty;
        var s = Nfkc.Of(raw).Trim();
        Reading best = new(null, null, null, 0);
        foreach (var (province, name, full) in RegionTable.ProvinceNames.At(s, 0))
            if (At(s, 0, name) && ReadProvince(s, province, name, full) is { } r && r.End > best.End)
                best = r;
        // Province omitted (杭州市西湖区…): the city says which province it is in.
        if (MatchCity(s, 0, RegionTable.CityNames) is { } c && c.End > best.End)
            best = c with { Province = c.City!.Parent };
        var detail = Normalise.Text(s[best.End..]);
        return Cleaned<ChineseAddress>.Ok(new ChineseAddress(best.Province?.Name, best.City?.Name, best.District?.Name, detail));
    }

    static Reading? ReadProvince(string s, Region province, string name, bool full)
    {
        var pos = Skip(s, name.Length);
        Reading? next;
        if (province.IsMunicipality)
        {
            var city = province.Children[0];
            // Shop exports repeat the municipality as the city (上海 上海市 浦东新区) or write 市辖区 for it.
            var repeat = Repeated(s, pos, city);
            var afterCity = repeat is null ? pos : Skip(s, pos + repeat.Length);
            var district = MatchDistrict(s, afterCity, city);
            next = repeat is null && district is null ? null : new Reading(province, city, district?.District, district?.End ?? afterCity);
            if (!Accepted(s, pos, name, full, next is not null)) return null;
            return next ?? new Reading(province, city, null, pos);
        }
        next = MatchCity(s, pos, province.ChildNames);
        if (!Accepted(s, pos, name, full, next is not null)) return null;
        return next is null ? new Reading(province, null, null, pos) : next with { Province = province };
    }

    // The municipality written again as the city, or 市辖区 in its place.
    static string? Repeated(string s, int pos, Region city)
    {
        foreach (var (name, _) in city.Names)
            if (At(s, pos, name)) return name;
        return At(s, pos, "市辖区") ? "市辖区" : null;
    }

    static Reading? MatchCity(string s, int pos, RegionNames cities)
    {
        Reading? best = null;
        foreach (var (city, name, full) in cities.At(s, pos))
        {
            if (!At(s, pos, name)) continue;
            var after = Skip(s, pos + name.Length);
            var district = MatchDistrict(s, after, city);
            if (!Accepted(s, pos + name.Length, name, full, district is not null)) continue;
            var r = district ?? new Reading(null, city, null, after);
            if (best is null || r.End > best.End) best = r with { City = city };
        }
        return best;
    }

    static Reading? MatchDistrict(string s, int pos, Region city)
    {
        Reading? best = null;
        foreach (var (district, name, full) in city.ChildNames.At(s, pos))
            if (At(s, pos, name) && Accepted(s, pos + name.Length, name, full, confirmed: false)
                && (best is null || pos + name.Length > best.End))
                best = new Reading(null, city, district, Skip(s, pos + name.Length));
        return best;
    }

    /// <summary>
    /// Full names always count. A short form counts when the next level confirms it, or when what follows is not a
    /// street: Shanghai has 四川北路 and 长宁路, most cities a 中山路 and a 南京路. A one-character abbreviation
    /// (沪, 粤, 宁) must be confirmed: alone it starts too many ordinary words (宁波, 新华路).
    /// </summary>
    static bool Accepted(string s, int end, string name, bool full, bool confirmed) =>
        full || confirmed || (name.Length > 1 && !StreetAhead().IsMatch(s.AsSpan(end)));

    static bool At(string s, int pos, string name) => s.AsSpan(pos).StartsWith(name, StringComparison.Ordinal);

    // Exports separate the parts with spaces or commas (浙江省 杭州市, 西湖区).
    static int Skip(string s, int pos)
    {
        while (pos < s.Length && (char.IsWhiteSpace(s[pos]) || s[pos] is ',' or '，' or '、')) pos++;
        return pos;
    }

    [GeneratedRegex(@"^[东西南北中]?(?:路|街|大街|大道|巷|弄|胡同|里|号)")]
    private static partial Regex StreetAhead();
}
