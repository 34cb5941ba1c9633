using System.Globalization;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

public sealed record PreviewImport(string Path, ImportKind Kind, string Source = "default", ColumnMapping? Mapping = null, string? Preset = null, int Rows = 20);

/// <summary>
/// A row as the import would see it: the cleaned values by field, what would reject it (<see cref="Errors"/>) and what
/// would only be noted (<see cref="Warnings"/>), with their codes; <see cref="Problems"/> and <see cref="Notes"/> are
/// their English texts, as the preview has always given them.
/// </summary>
public sealed record PreviewRow(long Row, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<RowProblem> Errors, IReadOnlyList<RowProblem> Warnings)
{
    public IReadOnlyList<string> Problems => [.. Errors.Select(p => p.Text)];
    public IReadOnlyList<string> Notes => [.. Warnings.Select(p => p.Text)];
}

/// <summary>MappingProblems non-empty: the import would be refused before reading a row.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Headers, ColumnMapping Mapping, IReadOnlyList<string> MappingProblems, IReadOnlyList<PreviewRow> Rows);

/// <summary>Cleans the first rows of a file without writing anything, so the mapping can be checked before a long run.</summary>
public sealed class PreviewImportHandler(SourceMappings mappings, TimeProvider clock)
{
    public async Task<ImportPreview> HandleAsync(PreviewImport request, CancellationToken ct = default)
    {
        if (!File.Exists(request.Path)) throw new ImportRefused([$"File not found: {request.Path}"]);
        using var table = TableFile.Open(request.Path);
        var source = request.Source.Trim();
        var mapping = await mappings.ChooseAsync(source, request.Kind, request.Mapping, request.Preset, table.Headers, ct);
        var (index, problems) = mapping.Resolve(table.Headers);
        if (problems.Count > 0) return new ImportPreview(table.Headers, mapping, problems, []);
        var now = clock.GetUtcNow().UtcDateTime;
        List<PreviewRow> rows;
        if (mapping.Kind == ImportKind.Events)
        {
            // Store names are not resolved in a preview; whether a customer is known is only found by the run.
            var events = new EventRowCleaner(mapping, index, source, now, new Dictionary<string, Guid>());
            rows = table.Rows().Take(request.Rows).Select(events.Clean)
                .Select(c => new PreviewRow(c.Row.Source.Number, EventValues(c), c.Row.Problems, c.Row.Notes)).ToList();
        }
        else
        {
            var cleaner = new RowCleaner(mapping, index, source, now);
            rows = table.Rows().Take(request.Rows).Select(cleaner.Clean)
                .Select(c => new PreviewRow(c.Source.Number, Values(c, mapping.Kind), c.Problems, c.Notes)).ToList();
        }
        return new ImportPreview(table.Headers, mapping, [], rows);
    }

    static Dictionary<string, string?> Values(CleanRow r, ImportKind kind)
    {
        var c = r.Customer;
        var values = new Dictionary<string, string?>
        {
            ["name"] = c?.Name, ["mobile"] = c?.Mobile, ["email"] = c?.Email, ["memberCard"] = c?.MemberCard, ["buyerId"] = c?.BuyerId,
            ["gender"] = c?.Gender.ToString(), ["birthday"] = c?.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["province"] = c?.Province, ["city"] = c?.City, ["district"] = c?.District, ["address"] = c?.Address, ["store"] = r.Store,
        };
        if (kind != ImportKind.Orders) return values;
        values["orderId"] = r.OrderId;
        values["placedAt"] = r.PlacedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        values["sku"] = r.Sku;
        values["productName"] = r.ProductName;
        values["quantity"] = r.Quantity.ToString(CultureInfo.InvariantCulture);
        values["unitPrice"] = Fen(r.UnitPrice);
        values["lineAmount"] = Fen(r.LineAmount);
        values["orderPaid"] = Fen(r.OrderPaid);
        return values;
    }

    static Dictionary<string, string?> EventValues(CleanEvent c) => new()
    {
        ["eventId"] = c.Event?.ExternalId, ["eventType"] = c.Event?.Kind.ToString(),
        ["eventAt"] = c.Event?.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["mobile"] = c.Row.Customer?.Mobile, ["email"] = c.Row.Customer?.Email, ["memberCard"] = c.Row.Customer?.MemberCard,
        ["buyerId"] = c.Row.Customer?.BuyerId, ["store"] = c.Row.Store, ["sku"] = c.Row.Sku, ["productName"] = c.Row.ProductName,
        ["payload"] = c.Event?.Payload,
    };

    static string? Fen(long? fen) => fen is { } f ? (f / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null;
}
