using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers;

public sealed class CreateCustomerTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_customer_is_created_with_normalised_details_identifiers_and_an_audit_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var created = (await Handlers.CreateCustomer(db).HandleAsync(new CreateCustomer(
            "  王  芳 ", Gender.Female, new DateOnly(1990, 5, 1), "+86-138-0013-8000", " Wang.Fang@QQ.COM ",
            City: "上海", MemberCardNo: "8800 0000 0001", Tags: ["VIP", " VIP ", "生鲜"]), Handlers.Clerk, reveal: true, Ct)).Ok();

        Assert.Equal("王 芳", created.Name);
        Assert.Equal("+8613800138000", created.Mobile);
        Assert.Equal("Wang.Fang@qq.com", created.Email);
        Assert.Equal("880000000001", created.MemberCardNo);
        Assert.Equal(["VIP", "生鲜"], created.Tags);

        await using var check = database.NewContext();
        // Enums are stored as text, so the database would sort them by name: order by the enum value here.
        var identifiers = (await check.CustomerIdentifiers.Where(i => i.CustomerId == created.Id).ToListAsync(Ct)).OrderBy(i => i.Kind);
        Assert.Equal([(IdentifierKind.Mobile, "+8613800138000"), (IdentifierKind.Email, "wang.fang@qq.com"), (IdentifierKind.MemberCard, "880000000001")],
            identifiers.Select(i => (i.Kind, i.Value)));
        var audit = Assert.Single(await check.AuditEntries.ToListAsync(Ct));
        Assert.Equal((AuditAction.Create, "customer", created.Id, Handlers.Clerk.Id), (audit.Action, audit.Subject, audit.CustomerId, audit.ActorId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_answer_masks_contact_details_unless_the_caller_may_reveal_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var created = (await Handlers.CreateCustomer(db).HandleAsync(
            new CreateCustomer("李雷", Mobile: "13912345678", Email: "lilei@example.com"), Handlers.Clerk, reveal: false, Ct)).Ok();

        Assert.Equal(("139****5678", "l***@example.com", false), (created.Mobile, created.Email, created.Revealed));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Invalid_fields_are_all_reported_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var result = await Handlers.CreateCustomer(db).HandleAsync(new CreateCustomer(" ", (Gender)9, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)),
            "010 6552 9988", "not-an-email", MemberCardNo: "VIP*1", SignUpStoreId: Guid.NewGuid()), Handlers.Clerk, ct: Ct);

        Assert.Equal(["birthday", "email", "gender", "memberCardNo", "mobile", "name", "signUpStoreId"], result.Fields().Order());
        Assert.Contains("landline", result.Errors!.ToDictionary()["mobile"][0]);
        await AssertNothingWrittenAsync(database);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_mobile_email_or_card_another_customer_has_is_rejected_naming_the_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
            (await Handlers.CreateCustomer(db).HandleAsync(new CreateCustomer("韩梅梅", Mobile: "13800138000", Email: "mei@example.com",
                MemberCardNo: "C-1"), Handlers.Clerk, ct: Ct)).Ok();

        await using var second = database.NewContext();
        // Written differently, the same after normalisation.
        var result = await Handlers.CreateCustomer(second).HandleAsync(new CreateCustomer("韩梅", Mobile: "0086 138 0013 8000",
            Email: "MEI@example.com", MemberCardNo: "c-1"), Handlers.Clerk, ct: Ct);

        Assert.Equal(["email", "memberCardNo", "mobile"], result.Fields().Order());
        Assert.Equal("Another customer already has this mobile number.", result.Errors!.ToDictionary()["mobile"].Single());
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Customers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_creates_with_one_mobile_make_one_customer_and_reject_the_rest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using var db = database.NewContext();
            return await Handlers.CreateCustomer(db).HandleAsync(new CreateCustomer($"顾客{i}", Mobile: "13700001111"), Handlers.Clerk, ct: Ct);
        }));

        Assert.Single(results, r => r.Value is not null);
        Assert.All(results.Where(r => r.Value is null), r => Assert.Equal(["mobile"], r.Fields()));
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Customers.CountAsync(Ct));
    }

    internal static async Task AssertNothingWrittenAsync(TestDatabase database)
    {
        await using var check = database.NewContext();
        Assert.Equal((0, 0, 0), (await check.Customers.CountAsync(Ct), await check.CustomerIdentifiers.CountAsync(Ct), await check.AuditEntries.CountAsync(Ct)));
    }
}
