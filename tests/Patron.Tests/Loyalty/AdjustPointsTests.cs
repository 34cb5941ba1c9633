using Microsoft.EntityFrameworkCore;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Fixtures;
using Patron.Tests.Infrastructure;
using static Patron.Tests.Loyalty.Ledger;

namespace Patron.Tests.Loyalty;

public sealed class AdjustPointsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_adjustment_needs_a_reason_is_audited_and_cannot_overdraw(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var customer = await NewCustomerAsync(database);

        await using (var db = database.NewContext())
        {
            Assert.Equal(["reason"], (await Adjust(db, Now).HandleAsync(new AdjustPoints(customer, 50, Reason: " "), Handlers.Clerk, Ct)).Fields());
            (await Adjust(db, Now).HandleAsync(new AdjustPoints(customer, 50, "Goodwill: late delivery"), Handlers.Clerk, Ct)).Ok();
        }
        var before = await WrittenAsync(database, customer);
        await using (var db = database.NewContext())
            Assert.Equal(["points"], (await Adjust(db, Now).HandleAsync(new AdjustPoints(customer, -51, "Correction"), Handlers.Clerk, Ct)).Fields());
        Assert.Equal(before, await WrittenAsync(database, customer));
        await using (var db = database.NewContext())
            (await Adjust(db, Now).HandleAsync(new AdjustPoints(customer, -20, "Correction: double credit"), Handlers.Clerk, Ct)).Ok();

        await using var check = database.NewContext();
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.CustomerId == customer).ToListAsync(Ct);
        Assert.Equal(["+50 points: Goodwill: late delivery", "-20 points: Correction: double credit"], audit.Select(a => a.Detail).Order(StringComparer.Ordinal));
        Assert.All(audit, a => Assert.Equal((AuditAction.Update, "loyalty_points", Handlers.Clerk.Id), (a.Action, a.Subject, a.ActorId)));
        Assert.Equal(30, await AssertBalanceIsTheLedgerAsync(database, customer, Now));
    }
}
