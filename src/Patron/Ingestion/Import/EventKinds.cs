using System.Text;
using Patron.Customers.Contracts;

namespace Patron.Ingestion.Import;

/// <summary>
/// The event types exports and tracking tools write, in Chinese and English, mapped to <see cref="EventKind"/>.
/// Compared after NFKC, lower-casing and removing spaces, underscores and hyphens ("add_to_cart" = "Add To Cart").
/// </summary>
public static class EventKinds
{
    static readonly Dictionary<EventKind, string[]> Names = new()
    {
        [EventKind.StoreVisit] = ["到店", "进店", "到访", "门店到访", "到店访问", "storevisit", "visit", "checkin"],
        [EventKind.PageView] = ["浏览页面", "页面浏览", "访问页面", "浏览", "pageview", "view", "screenview"],
        [EventKind.ProductView] = ["浏览商品", "商品浏览", "查看商品", "productview", "viewitem", "itemview"],
        [EventKind.AddToCart] = ["加购", "加入购物车", "加购物车", "addtocart", "addcart", "cartadd"],
        [EventKind.Search] = ["搜索", "search", "searched"],
        [EventKind.SignIn] = ["登录", "登入", "signin", "login"],
        [EventKind.CouponClaim] = ["领券", "领取优惠券", "领优惠券", "couponclaim", "claimcoupon"],
    };

    static readonly Dictionary<string, EventKind> ByName = Names
        .SelectMany(p => p.Value.Select(n => (Name: Key(n), Kind: p.Key)))
        .ToDictionary(p => p.Name, p => p.Kind);

    public static EventKind? Parse(string raw) => ByName.TryGetValue(Key(raw), out var kind) ? kind : null;

    public static string Known => string.Join(", ", Enum.GetNames<EventKind>());

    static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
