namespace Patron.Ingestion.Import.Mapping;

/// <summary>What a job ingests. Refunds come through the API only (POST /api/v1/ingest/refunds): see <see cref="FileKinds"/>.</summary>
public enum ImportKind { Customers, Orders, Events, Refunds }

public static class FileKinds
{
    /// <summary>The kinds a file can be imported as (the upload page, <c>patron import</c>).</summary>
    public static readonly IReadOnlyList<ImportKind> All = [ImportKind.Customers, ImportKind.Orders, ImportKind.Events];
}

/// <summary>The fields a column can be mapped to. Names are the keys of a mapping file (camelCase in JSON).</summary>
public enum TargetField
{
    OrderId, PlacedAt, OrderPaid, ProductName, Sku, Quantity, UnitPrice, LineAmount, Store,
    BuyerId, Name, Mobile, Email, MemberCard, Birthday, Gender, Address, Province, City, District,
    EventId, EventType, EventAt, Keyword,
}

public static class TargetFields
{
    static readonly TargetField[] Person =
    [
        TargetField.Name, TargetField.Mobile, TargetField.Email, TargetField.MemberCard, TargetField.BuyerId,
        TargetField.Birthday, TargetField.Gender, TargetField.Address, TargetField.Province, TargetField.City, TargetField.District,
    ];

    static readonly TargetField[] OrderOnly =
    [
        TargetField.OrderId, TargetField.PlacedAt, TargetField.OrderPaid, TargetField.ProductName, TargetField.Sku,
        TargetField.Quantity, TargetField.UnitPrice, TargetField.LineAmount, TargetField.Store,
    ];

    // An event names its customer by an identifier only: events never create customers, so names and addresses are not read.
    static readonly TargetField[] EventFields =
    [
        TargetField.EventId, TargetField.EventType, TargetField.EventAt, TargetField.Store, TargetField.Sku, TargetField.ProductName,
        TargetField.Keyword, TargetField.Mobile, TargetField.Email, TargetField.MemberCard, TargetField.BuyerId,
    ];

    /// <summary>The fields an import of this kind reads; an order row carries its buyer's details too.</summary>
    public static IReadOnlyList<TargetField> For(ImportKind kind) => kind switch
    {
        ImportKind.Customers => [.. Person, TargetField.Store],
        ImportKind.Orders => [.. OrderOnly, .. Person],
        ImportKind.Events => EventFields,
        _ => [],
    };

    public static string Key(TargetField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];
}
