namespace Patron.Ingestion.Cleaning;

/// <summary>A province, prefecture-level city or district, with the shorter forms people write it in.</summary>
internal sealed class Region(string name, string[] shorts, Region? parent, bool isMunicipality = false)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Shorts { get; } = shorts;
    public Region? Parent { get; } = parent;
    public bool IsMunicipality { get; } = isMunicipality;
    public List<Region> Children { get; } = [];

    /// <summary>The full name first, then the short forms: the order the address parser tries them in.</summary>
    public (string Name, bool Full)[] Names { get; } = [(name, true), .. shorts.Select(s => (s, false))];

    /// <summary>The children's names by first character; set once the table is loaded.</summary>
    public RegionNames ChildNames { get; private set; } = RegionNames.None;

    internal void IndexChildren()
    {
        ChildNames = new RegionNames(Children);
        foreach (var child in Children) child.IndexChildren();
    }
}

/// <summary>The bundled region table (Regions.txt, an embedded resource; its header says what it covers).</summary>
internal static class RegionTable
{
    public static IReadOnlyList<Region> Provinces { get; }

    /// <summary>Every prefecture-level division, and each municipality as its own single city.</summary>
    public static IReadOnlyList<Region> Cities { get; }

    public static RegionNames ProvinceNames { get; }

    public static RegionNames CityNames { get; }

    static RegionTable()
    {
        using var stream = typeof(RegionTable).Assembly.GetManifestResourceStream("Patron.Ingestion.Cleaning.Regions.txt")
            ?? throw new InvalidOperationException("The embedded region table Regions.txt is missing.");
        using var reader = new StreamReader(stream);
        var provinces = new List<Region>();
        var cities = new List<Region>();
        Region? province = null, city = null;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('|');
            string name = parts[1];
            string[]? explicitShorts = parts.Length > 2 ? parts[2].Split(',') : null;
            switch (parts[0])
            {
                case "P" or "M":
                    var municipality = parts[0] == "M";
                    province = new Region(name, explicitShorts ?? [], null, municipality);
                    provinces.Add(province);
                    city = null;
                    if (municipality)
                    {
                        // 上海市/上海市/浦东新区: a municipality is written as both the province and the city.
                        city = new Region(name, province.Shorts.Where(s => s.Length > 1).ToArray(), province);
                        province.Children.Add(city);
                        cities.Add(city);
                    }
                    break;
                case "C":
                    city = new Region(name, explicitShorts ?? Derive(name, ["市", "地区", "盟"]), province);
                    province!.Children.Add(city);
                    cities.Add(city);
                    break;
                case "D":
                    city!.Children.Add(new Region(name, explicitShorts ?? Derive(name, ["新区", "区", "县", "市"]), city));
                    break;
                default:
                    throw new InvalidOperationException($"Regions.txt: unknown line kind in '{line}'.");
            }
        }
        Provinces = provinces;
        Cities = cities;
        ProvinceNames = new RegionNames(provinces);
        CityNames = new RegionNames(cities);
        foreach (var p in provinces) p.IndexChildren();
    }

    // One character alone (忠 of 忠县) is too common inside street names to stand for a region.
    static string[] Derive(string name, string[] suffixes)
    {
        foreach (var suffix in suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
                return [name[..^suffix.Length]];
        return [];
    }
}
