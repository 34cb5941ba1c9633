using System.Collections.Concurrent;
using Patron.Customers.Contracts;
using Patron.Engine.Matching;
using Patron.Ingestion.Cleaning;

namespace Patron.Cli.Files;

/// <summary>A rejected line of one input file (1-based file number) with its reason.</summary>
sealed record DedupeReject(int File, RejectedRow Row);

/// <summary>
/// One or two customer files as the matcher's columns: ids, the file each record came from, and per compared field the
/// value after Patron's cleaning rules (names without honorifics, phones in E.164, dates as yyyyMMdd, Chinese
/// addresses with province, city and district in their full names), so 上海浦东 and 上海市浦东新区 read alike.
/// A value the rules refuse is passed on as written: a mistyped mobile still agrees in part on its last digits.
/// Rows without an id, with an id seen before in the same file, or with the wrong number of fields are rejected
/// with the reason, never dropped silently. The second file's columns are found by header name, else by role.
/// </summary>
sealed class DedupeInput
{
    public readonly List<string> Ids = [];
    public readonly List<int> Source = [];
    public readonly List<DedupeReject> Rejected = [];
    public readonly List<string>[] Values;
    public long RowsRead;
    public IReadOnlyList<(string Column, FieldRole Role)> Fields { get; }

    DedupeInput(IReadOnlyList<(string, FieldRole)> fields)
    {
        Fields = fields;
        Values = [.. fields.Select(_ => new List<string>())];
    }

    public static DedupeInput Read(IReadOnlyList<string> paths, string idCol, IReadOnlyList<string> overrides, IReadOnlyList<string> ignored)
    {
        DedupeInput? input = null;
        for (var file = 0; file < paths.Count; file++)
        {
            using var records = DelimitedFile.Records(paths[file]).GetEnumerator();
            if (!records.MoveNext()) throw new CliException($"{paths[file]} is empty: a header line is needed.");
            var header = records.Current.ToArray().Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            var idColumn = DedupeColumns.Column(header, idCol, "--id-col");
            var roles = DedupeColumns.Resolve(header, idColumn, overrides, ignored);
            input ??= new DedupeInput([.. roles.Select(r => (header[r.Column], r.Role))]);
            var columns = input.Map(header, roles, paths[file]);
            input.ReadRows(records, file, header.Length, idColumn, columns);
        }
        input!.CleanAll();
        return input;
    }

    /// <summary>For each field, its column in this file (-1 when this file does not have it).</summary>
    int[] Map(string[] header, List<(int Column, FieldRole Role)> roles, string path)
    {
        var used = new HashSet<int>();
        return [.. Fields.Select(f =>
        {
            var byName = roles.FirstOrDefault(r => string.Equals(header[r.Column], f.Column, StringComparison.OrdinalIgnoreCase) && used.Add(r.Column));
            if (byName != default) return byName.Column;
            var byRole = roles.FirstOrDefault(r => r.Role == f.Role && used.Add(r.Column));
            return byRole != default ? byRole.Column : -1;
        })];
    }

    void ReadRows(IEnumerator<DelimitedRecord> records, int file, int width, int idColumn, int[] columns)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var row = records.Current;
            RowsRead++;
            string? Reject(string reason) { Rejected.Add(new DedupeReject(file + 1, new RejectedRow(row.Line, row.Raw, reason))); return null; }
            if (row.Count != width) { Reject($"{row.Count} fields, the header has {width}"); continue; }
            var id = row[idColumn].Trim();
            if (id.Length == 0) { Reject("no id"); continue; }
            if (!seen.TryAdd(id, row.Line)) { Reject($"duplicate id {id} (first on line {seen[id]})"); continue; }
            Ids.Add(id);
            Source.Add(file);
            for (var f = 0; f < Fields.Count; f++)
                Values[f].Add(columns[f] < 0 ? "" : row[columns[f]].Trim());
        }
    }

    /// <summary>
    /// The cleaning rules on every value, rows in parallel: they cost more than the matching (the address parser tries
    /// every reading of the region names), and each value is cleaned on its own.
    /// </summary>
    void CleanAll()
    {
        for (var f = 0; f < Fields.Count; f++)
        {
            var (role, values) = (Fields[f].Role, Values[f]);
            Parallel.For(0, (values.Count + 4095) / 4096, chunk =>
            {
                for (int i = chunk * 4096, end = Math.Min(values.Count, i + 4096); i < end; i++) values[i] = Clean(role, values[i]);
            });
        }
    }

    /// <summary>Matches the records with the default model for their roles; linking compares only pairs across the files.</summary>
    public Resolution Resolve(bool linking, double upper, double review, bool oneToOne)
    {
        var records = Records(linking);
        return Resolver.Resolve(records, MatchModel.Settings([.. Fields.Select(f => f.Role)], upper, review, oneToOne));
    }

    public MatchRecords Records(bool linking) => MatchRecords.Prepare(MatchFields, [.. Values.Select(v => v.ToArray())],
        linking ? [.. Source] : null, MatchModel.Swaps([.. Fields.Select(f => f.Role)]));

    public IReadOnlyList<MatchField> MatchFields => [.. Fields.Select(f => MatchModel.Field(f.Role) with { Name = f.Column })];

    public static string Clean(FieldRole role, string raw)
    {
        if (raw.Length == 0) return raw;
        return role switch
        {
            FieldRole.FullName or FieldRole.GivenName or FieldRole.Surname => NameCleaning.Clean(raw) is { HasValue: true } n ? n.Value.Name : raw,
            FieldRole.Mobile => Normalise.Phone(raw).Value ?? raw,
            FieldRole.Email => Normalise.Email(raw).Value ?? raw,
            FieldRole.Birthday => DateCleaning.Parse(raw) is { HasValue: true } d ? d.Value.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : raw,
            FieldRole.Address when NameSimilarity.HasHan(raw) => ChineseAddress(raw),
            _ => raw,
        };
    }

    static readonly ConcurrentDictionary<string, string> Regions = new(StringComparer.Ordinal);

    /// <summary>
    /// Province, city (once for a municipality), district and detail, each in its full name. The parser reads only the
    /// region names at the start, which contain no digits, and looks at most a few characters past a name (for 路, 街, 号
    /// and so on): so the text before the first digit parses exactly as the whole address does, and it repeats across
    /// customers (district and street). It is parsed once per distinct start; the parser costs ~70 µs an address.
    /// </summary>
    static string ChineseAddress(string raw)
    {
        var s = Nfkc.Of(raw).Trim();
        var digit = s.AsSpan().IndexOfAnyInRange('0', '9');
        var (start, rest) = digit < 0 ? (s, "") : (s[..digit], s[digit..]);
        if (Regions.Count > 1_000_000) Regions.Clear(); // a bound, not a policy: real files have far fewer distinct starts
        return Regions.GetOrAdd(start, static x =>
        {
            if (AddressCleaning.Parse(x) is not { HasValue: true, Value: var a }) return x;
            var city = a.City == a.Province ? null : a.City;
            return string.Concat(a.Province, city, a.District, a.Detail);
        }) + rest;
    }
}
