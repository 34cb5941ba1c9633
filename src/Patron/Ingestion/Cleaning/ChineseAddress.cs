namespace Patron.Ingestion.Cleaning;

/// <summary>
/// An address split into its administrative parts, each as its full official name (上海市, 浦东新区), with the rest as
/// detail. A municipality is both province and city (上海市/上海市). A part is null when the address does not say it
/// and it cannot be inferred (a district outside the bundled table stays in the detail).
/// </summary>
public sealed record ChineseAddress(string? Province, string? City, string? District, string? Detail);
