namespace Patron.Platform.Security;

/// <summary>Every permission is a policy of the same name; API key scopes are permission names too.</summary>
public static class Permissions
{
    public const string DashboardView = "dashboard.view";
    public const string CustomersView = "customers.view";
    public const string CustomersEdit = "customers.edit";
    public const string CustomersReveal = "customers.reveal";
    public const string OrdersView = "orders.view";
    public const string OrdersCreate = "orders.create";
    public const string CatalogView = "catalog.view";
    public const string CatalogEdit = "catalog.edit";
    public const string InsightsView = "insights.view";
    public const string SegmentsView = "segments.view";
    public const string SegmentsEdit = "segments.edit";
    public const string SegmentsExport = "segments.export";
    public const string LoyaltyView = "loyalty.view";
    /// <summary>The programme's setup (tiers, rules, member days, templates, triggers), issuing coupons and adjusting points.</summary>
    public const string LoyaltyManage = "loyalty.manage";
    /// <summary>Quote and commit at the till: give it to the tills' API keys.</summary>
    public const string LoyaltyTill = "loyalty.till";
    public const string AuditView = "audit.view";
    public const string ApiKeysManage = "apikeys.manage";
    public const string UsersManage = "users.manage";
    /// <summary>Bulk ingestion (API batches, file uploads) and the import quarantine: creates customers en masse and reads rejected rows whole.</summary>
    public const string IngestWrite = "ingest.write";

    public static readonly IReadOnlyList<string> All =
    [
        DashboardView, CustomersView, CustomersEdit, CustomersReveal, OrdersView, OrdersCreate,
        CatalogView, CatalogEdit, InsightsView, SegmentsView, SegmentsEdit, SegmentsExport,
        LoyaltyView, LoyaltyManage, LoyaltyTill, AuditView, ApiKeysManage, UsersManage, IngestWrite,
    ];

    public const string Claim = "patron:perm";
}
