namespace Patron.Customers.Contracts;

public enum Gender { Unknown, Male, Female }

public enum IdentifierKind { Mobile, Email, MemberCard, WeChatOpenId, WeChatUnionId, PlatformBuyerId }

public enum ContactChannel { None, Sms, Email, WeChat, Phone }

public enum SignUpChannel { Store, OnlineShop, MiniProgram, App, Phone, Import }

/// <summary>Where an order or event came from.</summary>
public enum SalesChannel { Pos, OnlineShop, MiniProgram, App, Phone }

public enum EventKind { StoreVisit, PageView, ProductView, AddToCart, Search, SignIn, CouponClaim }
