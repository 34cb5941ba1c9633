using System.Text;

namespace Patron.Ingestion.Import.Mapping;

/// <summary>
/// Header names that Chinese and international exports use for each field: Taobao/Tmall and JD order exports,
/// Youzan and Weidian, common POS systems, member spreadsheets. Compared after NFKC, lower-casing and removing spaces,
/// underscores and hyphens, so "Order ID", "order_id" and "OrderId" are one header.
/// </summary>
public static class HeaderSynonyms
{
    static readonly Dictionary<TargetField, string[]> Names = new()
    {
        [TargetField.OrderId] = ["订单编号", "订单号", "订单id", "子订单编号", "小票号", "流水号", "单号", "orderid", "orderno", "ordernumber", "receiptno", "transactionid"],
        [TargetField.PlacedAt] = ["订单付款时间", "付款时间", "支付时间", "下单时间", "订单创建时间", "交易时间", "销售时间", "orderdate", "paidat", "paymenttime", "placedat", "orderedat", "date", "transactiondate"],
        [TargetField.OrderPaid] = ["实付金额", "买家实际支付金额", "实收金额", "订单金额", "支付金额", "应付金额", "paidamount", "amountpaid", "ordertotal", "total", "totalpaid"],
        [TargetField.ProductName] = ["商品名称", "宝贝标题", "商品标题", "品名", "商品", "productname", "product", "itemname", "item", "title"],
        [TargetField.Sku] = ["商品编码", "商家编码", "货号", "sku", "skuid", "商品编号", "productcode", "itemcode"],
        [TargetField.Quantity] = ["数量", "购买数量", "宝贝总数量", "商品数量", "quantity", "qty", "count"],
        [TargetField.UnitPrice] = ["单价", "商品单价", "价格", "unitprice", "price"],
        [TargetField.LineAmount] = ["小计", "商品金额", "行金额", "金额", "lineamount", "linetotal", "subtotal", "amount"],
        [TargetField.Store] = ["门店", "门店名称", "门店编码", "店铺", "店铺名称", "注册门店", "store", "storecode", "storename", "shop"],
        [TargetField.BuyerId] = ["买家会员名", "买家昵称", "买家账号", "买家id", "用户名", "会员账号", "buyerid", "buyer", "buyernick", "username", "customerid"],
        [TargetField.Name] = ["收货人姓名", "收货人", "姓名", "会员姓名", "客户姓名", "顾客姓名", "name", "fullname", "customername", "recipient", "recipientname"],
        [TargetField.Mobile] = ["联系手机", "手机", "手机号", "手机号码", "联系电话", "电话", "会员手机", "mobile", "mobilephone", "cellphone", "phone", "phonenumber", "tel"],
        [TargetField.Email] = ["邮箱", "电子邮箱", "电子邮件", "email", "emailaddress", "mail"],
        [TargetField.MemberCard] = ["会员卡号", "卡号", "会员号", "会员编号", "membercard", "membercardno", "cardno", "cardnumber", "memberno", "memberid", "loyaltyid"],
        [TargetField.Birthday] = ["生日", "出生日期", "出生年月日", "birthday", "birthdate", "dateofbirth", "dob"],
        [TargetField.Gender] = ["性别", "gender", "sex"],
        [TargetField.Address] = ["收货地址", "地址", "详细地址", "联系地址", "address", "shippingaddress", "streetaddress"],
        [TargetField.Province] = ["省", "省份", "province", "state"],
        [TargetField.City] = ["市", "城市", "city"],
        [TargetField.District] = ["区", "区县", "district", "county"],
        [TargetField.EventId] = ["事件id", "事件编号", "记录id", "日志id", "eventid", "eventno", "logid"],
        [TargetField.EventType] = ["事件类型", "事件", "行为", "行为类型", "动作", "event", "eventtype", "eventname", "action"],
        [TargetField.EventAt] = ["时间", "事件时间", "发生时间", "行为时间", "访问时间", "time", "timestamp", "eventtime", "eventat", "occurredat"],
        [TargetField.Keyword] = ["关键词", "关键字", "搜索词", "搜索关键词", "keyword", "searchterm", "query"],
    };

    static readonly Dictionary<string, TargetField> ByName = Names
        .SelectMany(p => p.Value.Select(n => (Name: Key(n), Field: p.Key)))
        .ToDictionary(p => p.Name, p => p.Field);

    /// <summary>The field a header names, or null. Exact (normalised) names only: a guess that is wrong costs more than a blank.</summary>
    public static TargetField? Match(string header) => ByName.TryGetValue(Key(header), out var f) ? f : null;

    static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.' or '*' or ':' or '：')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
