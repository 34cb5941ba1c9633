using static Patron.Platform.Security.Permissions;

namespace Patron.Platform.Security;

public static class Roles
{
    public const string Owner = "Owner";
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string Analyst = "Analyst";
    public const string Sales = "Sales";
    public const string Service = "Service";
    public const string StoreClerk = "StoreClerk";

    public static readonly IReadOnlyList<string> All = [Owner, Admin, Marketer, Analyst, Sales, Service, StoreClerk];

    /// <summary>
    /// What each role may do. Analysts see customers masked; only Owner and Admin reveal mobiles or read the audit log.
    /// Marketers run the loyalty programme (setup, issuing, adjusting); store clerks use it at the till.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Grants = new Dictionary<string, IReadOnlySet<string>>
    {
        [Owner] = Permissions.All.ToHashSet(),
        [Admin] = Permissions.All.ToHashSet(),
        [Marketer] = new HashSet<string> { DashboardView, CustomersView, OrdersView, CatalogView, InsightsView, SegmentsView, SegmentsEdit, SegmentsExport, LoyaltyView, LoyaltyManage },
        [Analyst] = new HashSet<string> { DashboardView, CustomersView, OrdersView, CatalogView, InsightsView, SegmentsView, LoyaltyView },
        [Sales] = new HashSet<string> { DashboardView, CustomersView, CustomersEdit, CustomersReveal, OrdersView, CatalogView, InsightsView, LoyaltyView },
        [Service] = new HashSet<string> { DashboardView, CustomersView, CustomersEdit, CustomersReveal, OrdersView, CatalogView, LoyaltyView },
        [StoreClerk] = new HashSet<string> { CustomersView, CustomersEdit, OrdersView, OrdersCreate, CatalogView, LoyaltyView, LoyaltyTill },
    };

    public static bool Grant(IEnumerable<string> roles, string permission) =>
        roles.Any(r => Grants.TryGetValue(r, out var perms) && perms.Contains(permission));
}
