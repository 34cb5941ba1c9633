using Patron.Customers.Contracts;

namespace Patron.Ingestion.Import.Mapping;

/// <summary>
/// Ready mappings for the exports shops bring most often. Their headers follow the common Chinese layouts
/// (a till's sales-line export, a Taobao-style order export, a member spreadsheet); a file that differs a little is
/// better served by the suggestion from its own headers plus an edited mapping file.
/// </summary>
public static class MappingPresets
{
    public const string Pos = "pos";
    public const string OnlineShop = "online-shop";
    public const string MemberList = "member-list";
    public const string Events = "events";

    public static IReadOnlyList<string> Names { get; } = [Pos, OnlineShop, MemberList, Events];

    public static ColumnMapping? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        Pos => new ColumnMapping(ImportKind.Orders, Map(
            (TargetField.OrderId, "小票号"), (TargetField.PlacedAt, "交易时间"), (TargetField.Store, "门店编码"),
            (TargetField.MemberCard, "会员卡号"), (TargetField.Mobile, "会员手机"), (TargetField.Sku, "商品编码"),
            (TargetField.ProductName, "商品名称"), (TargetField.Quantity, "数量"), (TargetField.UnitPrice, "单价"),
            (TargetField.LineAmount, "金额")), SalesChannel.Pos),
        OnlineShop => new ColumnMapping(ImportKind.Orders, Map(
            (TargetField.OrderId, "订单编号"), (TargetField.BuyerId, "买家会员名"), (TargetField.Name, "收货人姓名"),
            (TargetField.Mobile, "联系手机"), (TargetField.Address, "收货地址"), (TargetField.PlacedAt, "订单付款时间"),
            (TargetField.OrderPaid, "实付金额"), (TargetField.ProductName, "商品名称"), (TargetField.Quantity, "数量")),
            SalesChannel.OnlineShop),
        MemberList => new ColumnMapping(ImportKind.Customers, Map(
            (TargetField.MemberCard, "会员卡号"), (TargetField.Name, "姓名"), (TargetField.Mobile, "手机号"),
            (TargetField.Gender, "性别"), (TargetField.Birthday, "生日"), (TargetField.Email, "邮箱"),
            (TargetField.Address, "地址"), (TargetField.Store, "门店")), SalesChannel.Pos),
        Events => new ColumnMapping(ImportKind.Events, Map(
            (TargetField.EventId, "事件ID"), (TargetField.EventType, "事件类型"), (TargetField.EventAt, "时间"),
            (TargetField.MemberCard, "会员卡号"), (TargetField.Mobile, "手机"), (TargetField.Store, "门店"),
            (TargetField.Sku, "商品编码"), (TargetField.ProductName, "商品"), (TargetField.Keyword, "关键词")), SalesChannel.MiniProgram),
        _ => null,
    };

    static Dictionary<string, string> Map(params (TargetField Field, string Header)[] pairs) =>
        pairs.ToDictionary(p => TargetFields.Key(p.Field), p => p.Header);
}
