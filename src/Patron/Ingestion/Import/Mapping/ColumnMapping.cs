using System.Text.Json;
using System.Text.Json.Serialization;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;

namespace Patron.Ingestion.Import.Mapping;

/// <summary>
/// Which header feeds which field, and how the source writes its values. Saved as JSON in a mapping file and per
/// source in the database: <c>{"kind":"orders","channel":"OnlineShop","columns":{"orderId":"订单编号",...}}</c>.
/// </summary>
/// <param name="UtcOffsetHours">Exports write local times without a zone; China is UTC+8 all year.</param>
/// <param name="DateFormat">A .NET format for day- or month-first dates, e.g. "dd/MM/yyyy"; null reads the unambiguous forms.</param>
public sealed record ColumnMapping(
    ImportKind Kind, Dictionary<string, string> Columns, SalesChannel Channel = SalesChannel.OnlineShop,
    double UtcOffsetHours = ColumnMapping.ChinaOffsetHours, string? DateFormat = null, GenderCodes GenderCodes = GenderCodes.OneMaleZeroFemale)
{
    /// <summary>Local times without a zone, in files and API items alike, are read at this offset unless a mapping says otherwise.</summary>
    public const double ChinaOffsetHours = 8;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ColumnMapping FromJson(string json) =>
        JsonSerializer.Deserialize<ColumnMapping>(json, Json) ?? throw new JsonException("The mapping is empty.");

    /// <summary>Every header that names a field of this kind, the first header winning when two name the same field.</summary>
    public static ColumnMapping Suggest(ImportKind kind, IReadOnlyList<string> headers)
    {
        var fields = TargetFields.For(kind);
        var columns = new Dictionary<string, string>();
        foreach (var header in headers)
            if (HeaderSynonyms.Match(header) is { } f && fields.Contains(f)) columns.TryAdd(TargetFields.Key(f), header);
        return new ColumnMapping(kind, columns);
    }

    /// <summary>Without the columns the file does not have: a preset lists every column its export may have.</summary>
    public ColumnMapping FittedTo(IReadOnlyList<string> headers) =>
        this with { Columns = Columns.Where(c => FindHeader(headers, c.Value) >= 0).ToDictionary() };

    /// <summary>Column index per field (-1: not mapped), or why the mapping does not fit the file's headers.</summary>
    public (int[] Index, List<string> Errors) Resolve(IReadOnlyList<string> headers)
    {
        var index = Enumerable.Repeat(-1, Enum.GetValues<TargetField>().Length).ToArray();
        var errors = new List<string>();
        var allowed = TargetFields.For(Kind);
        foreach (var (key, header) in Columns)
        {
            if (!Enum.TryParse<TargetField>(key, ignoreCase: true, out var field) || !allowed.Contains(field))
            {
                errors.Add($"'{key}' is not a field of a {Kind.ToString().ToLowerInvariant()} import; fields: {string.Join(", ", allowed.Select(TargetFields.Key))}.");
                continue;
            }
            var at = FindHeader(headers, header);
            if (at < 0) errors.Add($"The file has no column '{header}' (mapped to {key}).");
            else index[(int)field] = at;
        }
        foreach (var required in Required(Kind).Where(f => index[(int)f] < 0))
            errors.Add($"No column is mapped to {TargetFields.Key(required)}, which a {Kind.ToString().ToLowerInvariant()} import needs.");
        if (Kind == ImportKind.Orders && index[(int)TargetField.ProductName] < 0 && index[(int)TargetField.Sku] < 0)
            errors.Add("No column is mapped to productName or sku: an order line needs its product.");
        return (index, errors);
    }

    static int FindHeader(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
            if (string.Equals(headers[i].Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    static TargetField[] Required(ImportKind kind) => kind switch
    {
        ImportKind.Orders => [TargetField.OrderId, TargetField.PlacedAt],
        ImportKind.Events => [TargetField.EventType, TargetField.EventAt],
        _ => [],
    };
}
