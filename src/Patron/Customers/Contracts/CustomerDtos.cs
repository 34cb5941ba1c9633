namespace Patron.Customers.Contracts;

/// <summary>A row of the customer list. Mobile and email are masked unless the caller may reveal them.</summary>
public sealed record CustomerSummary(
    Guid Id, string Name, Gender Gender, string? Mobile, string? MemberCardNo, string? City,
    SignUpChannel SignUpChannel, DateTime SignedUpAt, IReadOnlyList<string> Tags);

public sealed record CustomerDetails(
    Guid Id, string Name, Gender Gender, DateOnly? Birthday, string? Mobile, string? Email,
    string? Province, string? City, string? District, string? Address, string? Occupation, string? MemberCardNo,
    SignUpChannel SignUpChannel, Guid? SignUpStoreId, string? SignUpStoreName, DateTime SignedUpAt,
    ContactChannel PreferredChannel, IReadOnlyList<string> Tags, DateTime CreatedAt, DateTime UpdatedAt, bool Revealed);

public sealed record IdentifierView(IdentifierKind Kind, string Value, string Source, DateTime CreatedAt);

/// <summary>Purchase KPIs. Cancelled and fully refunded orders do not count as purchases; refunds are netted from spend.</summary>
public sealed record CustomerKpis(long TotalSpend, int Orders, long AverageOrderValue, DateTime? FirstPurchaseAt, DateTime? LastPurchaseAt);

public sealed record EventView(Guid Id, EventKind Kind, DateTime At, SalesChannel Channel, string? StoreName, string? ProductName, string? Payload);

public enum CustomerSort { SignedUpAt, Name, City, MemberCardNo }
