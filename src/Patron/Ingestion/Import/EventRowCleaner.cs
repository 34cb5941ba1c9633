using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>A row of an events import after cleaning: the event, or the problems that reject the row.</summary>
public sealed record CleanEvent(CleanRow Row, ImportedEvent? Event);

/// <summary>
/// Cleans an events row: the customer's identifiers with the shared <see cref="RowCleaner"/> rules, then the event's
/// type, time, product, keyword and store. An event without an id column gets a hash of its cells as its id, so the
/// same file imported twice adds each event once (and two identical rows, the same event twice exported, count once).
/// </summary>
public sealed class EventRowCleaner(ColumnMapping mapping, int[] index, string source, DateTime utcNow, IReadOnlyDictionary<string, Guid> stores)
{
    static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);
    static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    static readonly JsonSerializerOptions PayloadJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    readonly RowCleaner person = new(mapping, index, source, utcNow);

    public CleanEvent Clean(SourceRow row)
    {
        var r = person.Clean(row);
        var problems = r.Problems;
        var typeCell = Cell(row, TargetField.EventType);
        var kind = EventKinds.Parse(typeCell);
        if (typeCell.Length == 0) problems.Add(RowProblem.Required("eventType"));
        else if (kind is null) problems.Add(RowProblem.EventTypeUnknown(typeCell, EventKinds.Known));

        var atCell = Cell(row, TargetField.EventAt);
        DateTime? at = null;
        if (atCell.Length == 0) problems.Add(RowProblem.Required("eventAt"));
        else if (LocalTime.ToUtcOrProblem(atCell, mapping.UtcOffsetHours, mapping.DateFormat, out var bad) is not { } utc) problems.Add(bad!.In("eventAt"));
        else if (utc > utcNow + FutureTolerance) problems.Add(RowProblem.TimeInFuture("eventAt", atCell));
        else if (utc < Earliest) problems.Add(RowProblem.TimeBefore2000("eventAt", atCell));
        else at = utc;

        var id = Cell(row, TargetField.EventId);
        if (id.Length > EventImportWriter.MaxExternalId) problems.Add(RowProblem.TooLong("eventId", EventImportWriter.MaxExternalId));
        r.Store = Text(Cell(row, TargetField.Store));
        r.Sku = Text(Cell(row, TargetField.Sku));
        r.ProductName = Text(Cell(row, TargetField.ProductName));
        var keyword = Text(Cell(row, TargetField.Keyword));
        if (r.Rejected || r.Customer is null) return new CleanEvent(r, null);

        var payload = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (r.Sku is { } sku) payload["sku"] = Cut(sku, 64);
        if (r.ProductName is { } product) payload["product"] = Cut(product, 200);
        if (keyword is not null) payload["keyword"] = Cut(keyword, 200);
        if (r.Store is { } store) payload["store"] = Cut(store, 64);
        var storeId = r.Store is { } s && stores.TryGetValue(s, out var found) ? found : (Guid?)null;
        var e = new ImportedEvent(id.Length > 0 ? id : RowHash(row), kind!.Value, at!.Value, mapping.Channel, r.Customer,
            storeId, payload.Count == 0 ? null : JsonSerializer.Serialize(payload, PayloadJson));
        return new CleanEvent(r, e);
    }

    /// <summary>Cells only, not the row number: the key must not change when rows are added above.</summary>
    public static string RowHash(SourceRow row) =>
        "row:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', row.Cells.Select(c => c.Trim())))), 0, 16);

    string Cell(SourceRow row, TargetField field) => index[(int)field] is var i and >= 0 ? row.Cell(i).Trim() : "";

    static string? Text(string cell) => cell.Length == 0 ? null : Patron.Customers.Contracts.Normalise.Text(cell);

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
