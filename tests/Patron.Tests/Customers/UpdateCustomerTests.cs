using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers;

public sealed class UpdateCustomerTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<CustomerDetails> CreateAsync(TestDatabase database, CreateCustomer request)
    {
        await using var db = database.NewContext();
        return (await Handlers.CreateCustomer(db).HandleAsync(request, Handlers.Clerk, reveal: true, Ct)).Ok();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_mobile_replaces_the_old_identifier_and_frees_the_old_number(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await CreateAsync(database, new CreateCustomer("张伟", Mobile: "13800138000", MemberCardNo: "C-9"));

        await using (var db = database.NewContext())
            (await Handlers.UpdateCustomer(db).HandleAsync(customer.Id, new UpdateCustomer("张伟", Mobile: "139 0000 1111", MemberCardNo: "C-9"),
                Handlers.Clerk, ct: Ct)).Ok();

        await using var check = database.NewContext();
        var identifiers = (await check.CustomerIdentifiers.ToListAsync(Ct)).OrderBy(i => i.Kind);
        Assert.Equal([(IdentifierKind.Mobile, "+8613900001111"), (IdentifierKind.MemberCard, "C-9")], identifiers.Select(i => (i.Kind, i.Value)));
        // The old number belongs to nobody now.
        await CreateAsync(database, new CreateCustomer("李娜", Mobile: "13800138000"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_update_is_audited_with_the_names_of_the_changed_fields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await CreateAsync(database, new CreateCustomer("张伟", Mobile: "13800138000", City: "上海"));

        await using (var db = database.NewContext())
            (await Handlers.UpdateCustomer(db).HandleAsync(customer.Id, new UpdateCustomer("张伟", Mobile: "+86 138 0013 8000", City: "杭州",
                Email: "zw@example.com"), Handlers.Clerk, ct: Ct)).Ok();

        await using var check = database.NewContext();
        var update = Assert.Single(await check.AuditEntries.Where(a => a.Action == AuditAction.Update).ToListAsync(Ct));
        Assert.Equal(("changed: email, city", customer.Id), (update.Detail, update.CustomerId));
        Assert.Equal("杭州", (await check.Customers.SingleAsync(Ct)).City);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Taking_another_customers_email_is_rejected_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateAsync(database, new CreateCustomer("韩梅梅", Email: "mei@example.com"));
        var other = await CreateAsync(database, new CreateCustomer("李雷", City: "北京"));

        await using (var db = database.NewContext())
        {
            var result = await Handlers.UpdateCustomer(db).HandleAsync(other.Id, new UpdateCustomer("李雷", City: "深圳", Email: "Mei@Example.com"),
                Handlers.Clerk, ct: Ct);
            Assert.Equal(["email"], result.Fields());
        }

        await using var check = database.NewContext();
        Assert.Equal("北京", (await check.Customers.SingleAsync(c => c.Id == other.Id, Ct)).City);
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.Action == AuditAction.Update, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Updating_an_unknown_customer_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var result = await Handlers.UpdateCustomer(db).HandleAsync(Guid.NewGuid(), new UpdateCustomer("无名"), Handlers.Clerk, ct: Ct);

        Assert.True(result.NotFound);
    }
}
