using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers;

/// <summary>Customers written by the create handler are found the ways a till or a service desk looks for them.</summary>
public sealed class CustomerSearchTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var create = Handlers.CreateCustomer(db);
        (await create.HandleAsync(new CreateCustomer("王芳", Mobile: "138 0013 8000", MemberCardNo: "880012345678"), Handlers.Clerk, ct: Ct)).Ok();
        (await create.HandleAsync(new CreateCustomer("王小明", Mobile: "13912340000"), Handlers.Clerk, ct: Ct)).Ok();
        (await create.HandleAsync(new CreateCustomer("李雷", Mobile: "13700009999", MemberCardNo: "VIP-7"), Handlers.Clerk, ct: Ct)).Ok();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_customer_is_found_by_full_mobile_last_four_digits_name_or_card(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var db = database.NewContext();
        var search = Handlers.SearchCustomers(db);

        async Task<string[]> Names(string term) =>
            (await search.HandleAsync(new SearchCustomers(term, Patron.Customers.Contracts.CustomerSort.Name, Descending: false), Ct))
                .Items.Select(c => c.Name).ToArray();

        Assert.Equal(["王芳"], await Names("13800138000"));
        Assert.Equal(["王芳"], await Names("+86 138-0013-8000"));
        Assert.Equal(["李雷"], await Names("9999"));
        Assert.Equal(["王小明", "王芳"], await Names("王"));
        Assert.Equal(["王芳"], await Names("880012345678"));
        Assert.Equal(["李雷"], await Names("VIP-7"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Mobiles_are_masked_unless_revealed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var db = database.NewContext();

        var masked = await Handlers.SearchCustomers(db).HandleAsync(new SearchCustomers("13800138000"), Ct);
        var revealed = await Handlers.SearchCustomers(db).HandleAsync(new SearchCustomers("13800138000", Reveal: true), Ct);

        Assert.Equal("138****8000", Assert.Single(masked.Items).Mobile);
        Assert.Equal("+8613800138000", Assert.Single(revealed.Items).Mobile);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reading_a_profile_is_audited_as_a_view_or_a_reveal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var db = database.NewContext();
        var id = (await Handlers.SearchCustomers(db).HandleAsync(new SearchCustomers("VIP-7"), Ct)).Items.Single().Id;

        var masked = await Handlers.CustomerProfile(db).HandleAsync(new GetCustomerProfile(id, Handlers.Clerk), Ct);
        var revealed = await Handlers.CustomerProfile(db).HandleAsync(new GetCustomerProfile(id, Handlers.Clerk, Reveal: true), Ct);

        Assert.Equal(("137****9999", "+8613700009999"), (masked!.Customer.Mobile, revealed!.Customer.Mobile));
        var reads = await db.AuditEntries.Where(a => a.CustomerId == id && a.Action != AuditAction.Create).OrderBy(a => a.At).ToListAsync(Ct);
        Assert.Equal([AuditAction.View, AuditAction.Reveal], reads.Select(a => a.Action));
    }
}
