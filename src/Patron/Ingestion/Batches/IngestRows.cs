using System.Globalization;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Batches;

/// <summary>
/// API items as the rows of a file whose headers are the field keys, so that they go through the same mapping,
/// cleaning, matching, writers and quarantine as a file import. An order becomes one row per line, as in an export.
/// Row numbers run from 1; <see cref="Item"/> gives the item of each row.
/// </summary>
sealed class IngestRows
{
    public required ImportKind Kind { get; init; }
    public required string[] Headers { get; init; }
    public List<SourceRow> Rows { get; } = [];
    public List<int> Item { get; } = [];
    public required string?[] ExternalIds { get; init; }

    public ColumnMapping Mapping(Customers.Contracts.SalesChannel channel) =>
        new(Kind, Headers.ToDictionary(h => h, h => h), channel);

    void Add(int item, params string?[] cells)
    {
        Rows.Add(new SourceRow(Rows.Count + 1, cells.Select(c => c ?? "").ToArray()));
        Item.Add(item);
    }

    static readonly string[] CustomerHeaders = Keys(
        TargetField.BuyerId, TargetField.Name, TargetField.Mobile, TargetField.Email, TargetField.MemberCard, TargetField.Gender,
        TargetField.Birthday, TargetField.Address, TargetField.Province, TargetField.City, TargetField.District, TargetField.Store);

    static readonly string[] OrderHeaders = Keys(
        TargetField.OrderId, TargetField.PlacedAt, TargetField.OrderPaid, TargetField.Store, TargetField.BuyerId, TargetField.Name,
        TargetField.Mobile, TargetField.Email, TargetField.MemberCard, TargetField.Address, TargetField.Sku, TargetField.ProductName,
        TargetField.Quantity, TargetField.UnitPrice, TargetField.LineAmount);

    static readonly string[] EventHeaders = Keys(
        TargetField.EventId, TargetField.EventType, TargetField.EventAt, TargetField.MemberCard, TargetField.Mobile, TargetField.Email,
        TargetField.BuyerId, TargetField.Store, TargetField.Sku, TargetField.ProductName, TargetField.Keyword);

    public static IngestRows Of(IReadOnlyList<IngestCustomer> items)
    {
        var rows = new IngestRows { Kind = ImportKind.Customers, Headers = CustomerHeaders, ExternalIds = items.Select(i => i?.ExternalId).ToArray() };
        for (var i = 0; i < items.Count; i++)
        {
            var c = items[i] ?? new IngestCustomer("");
            rows.Add(i, c.ExternalId, c.Name, c.Mobile, c.Email, c.MemberCard, c.Gender, c.Birthday, c.Address, c.Province, c.City, c.District, c.Store);
        }
        return rows;
    }

    public static IngestRows Of(IReadOnlyList<IngestOrder> items)
    {
        var rows = new IngestRows { Kind = ImportKind.Orders, Headers = OrderHeaders, ExternalIds = items.Select(i => i?.ExternalId).ToArray() };
        for (var i = 0; i < items.Count; i++)
        {
            var o = items[i] ?? new IngestOrder("", "", null);
            // An order without lines still becomes a row, so that the cleaner names what is missing.
            IReadOnlyList<IngestOrderLine> lines = o.Lines is { Count: > 0 } ? o.Lines : [new IngestOrderLine()];
            foreach (var l in lines)
            {
                var line = l ?? new IngestOrderLine();
                rows.Add(i, o.ExternalId, o.PlacedAt, Yuan(o.Paid), o.Store, o.BuyerId, o.Name, o.Mobile, o.Email, o.MemberCard, o.Address,
                    line.Sku, line.ProductName, line.Quantity?.ToString(CultureInfo.InvariantCulture), Yuan(line.UnitPrice), Yuan(line.Amount));
            }
        }
        return rows;
    }

    public static IngestRows Of(IReadOnlyList<IngestEvent> items)
    {
        var rows = new IngestRows { Kind = ImportKind.Events, Headers = EventHeaders, ExternalIds = items.Select(i => i?.ExternalId).ToArray() };
        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i] ?? new IngestEvent("", "", "");
            rows.Add(i, e.ExternalId, e.Type, e.At, e.MemberCard, e.Mobile, e.Email, e.BuyerId, e.Store, e.Sku, e.ProductName, e.Keyword);
        }
        return rows;
    }

    /// <summary>The API's fen as the yuan text a file would have; the cleaner turns it back into fen.</summary>
    static string? Yuan(long? fen) => fen is { } f ? (f / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null;

    static string[] Keys(params TargetField[] fields) => fields.Select(TargetFields.Key).ToArray();
}
