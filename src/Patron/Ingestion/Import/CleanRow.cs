using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>
/// One row after cleaning: the customer it describes (null when it names none), the order line it carries (orders
/// only), the problems that reject it and the notes that do not (a landline in the mobile column, an unknown store).
/// </summary>
public sealed class CleanRow(SourceRow source)
{
    public SourceRow Source { get; } = source;
    public ImportedCustomer? Customer { get; set; }
    public string? OrderId { get; set; }
    public DateTime? PlacedAt { get; set; }
    public long? OrderPaid { get; set; }
    public string? Store { get; set; }
    public string? Sku { get; set; }
    public string? ProductName { get; set; }
    public int Quantity { get; set; } = 1;
    public long? UnitPrice { get; set; }
    public long? LineAmount { get; set; }
    public List<RowProblem> Problems { get; } = [];
    public List<RowProblem> Notes { get; } = [];

    public bool Rejected => Problems.Count > 0;

    /// <summary>The line of the order this row describes; unit price and amount each follow from the other.</summary>
    public ImportedOrderLine Line(long? singleLineTotal)
    {
        var amount = LineAmount ?? (UnitPrice is { } p ? p * Quantity : singleLineTotal) ?? 0;
        return new ImportedOrderLine(Sku, ProductName, Quantity, UnitPrice ?? amount / Quantity, amount);
    }
}
