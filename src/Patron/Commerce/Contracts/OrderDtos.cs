using Patron.Customers.Contracts;

namespace Patron.Commerce.Contracts;

public sealed record OrderSummary(
    Guid Id, SalesChannel Source, string ExternalId, Guid? StoreId, string? StoreName, Guid? CustomerId, string? CustomerName,
    DateTime PlacedAt, OrderStatus Status, long GrossAmount, long DiscountAmount, long PaidAmount, long RefundedAmount,
    string Currency, PaymentMethod PaymentMethod, int LineCount);

public sealed record OrderLineView(int LineNo, Guid ProductId, string Sku, string ProductName, int Quantity, long UnitPrice, long Amount);

public sealed record OrderDetails(OrderSummary Order, IReadOnlyList<OrderLineView> Lines);

public sealed record StoreView(Guid Id, string Code, string Name, string Province, string City, string District, string Address, DateOnly OpenedOn);

public sealed record CategoryView(Guid Id, string Code, string Name, Guid? ParentId);

public sealed record ProductView(Guid Id, string Sku, string Name, Guid CategoryId, string CategoryName, long ListPrice);
