using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers;
using Patron.Customers.Contracts;

namespace Patron.Tests.Platform;

/// <summary>Rows that use every column type of the model: nulls, enums, DateOnly, List&lt;string&gt;, long money, non-ASCII text.</summary>
static class BulkRows
{
    public static readonly DateTime At = new(2025, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);

    public static Customer Customer(int i) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = i % 2 == 0 ? $"王小明{i}" : $"O'Brien \"{i}\"",
        Gender = (Gender)(i % 3),
        Birthday = i % 4 == 0 ? null : new DateOnly(1980 + i % 30, 1 + i % 12, 1 + i % 28),
        Mobile = i % 5 == 0 ? null : $"+86138{i:D8}",
        Email = i % 3 == 0 ? $"c{i}@example.com" : null,
        Province = "上海市", City = "上海市", District = i % 2 == 0 ? "浦东新区" : null,
        Address = "张杨路500号", Occupation = null, MemberCardNo = $"88{i:D9}",
        SignUpChannel = (SignUpChannel)(i % 6),
        SignUpStoreId = i % 2 == 0 ? Guid.CreateVersion7() : null,
        SignedUpAt = At.AddMinutes(i),
        PreferredChannel = (ContactChannel)(i % 5),
        Tags = i % 3 == 0 ? [] : i % 3 == 1 ? ["VIP"] : ["水果控", "VIP", "it's \"quoted\""],
        CreatedAt = At, UpdatedAt = At.AddDays(1),
    };

    public static Store Store() => new()
    {
        Id = Guid.CreateVersion7(), Code = "SH01", Name = "浦东店", Province = "上海市", City = "上海市",
        District = "浦东新区", Address = "张杨路500号", OpenedOn = new DateOnly(2019, 5, 1),
    };

    public static Order Order(Guid customerId, Guid storeId, int i) => new()
    {
        Id = Guid.CreateVersion7(), Source = (SalesChannel)(i % 5), ExternalId = $"X{i}", StoreId = i % 2 == 0 ? storeId : null,
        CustomerId = customerId, PlacedAt = At.AddHours(i), Status = (OrderStatus)(i % 4),
        GrossAmount = 12_345_678_901L + i, DiscountAmount = i, PaidAmount = 12_345_678_901L, RefundedAmount = 0,
        Currency = "CNY", PaymentMethod = (PaymentMethod)(i % 7), CreatedAt = At,
    };
}
