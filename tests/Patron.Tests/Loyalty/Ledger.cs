using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Loyalty;
using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Loyalty;

/// <summary>Loyalty handlers over one context at a fixed instant, a customer to give points to, and the ledger's invariant.</summary>
static class Ledger
{
    public static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static EarnPointsHandler Earn(PatronDb db, DateTime at) => new(db, new CustomerDirectory(db), new FixedClock(at));

    public static RedeemPointsHandler Redeem(PatronDb db, DateTime at) => new(db, new CustomerDirectory(db), new FixedClock(at));

    public static AdjustPointsHandler Adjust(PatronDb db, DateTime at) =>
        new(db, new CustomerDirectory(db), new AuditLog(db, new FixedClock(at)), new FixedClock(at));

    public static ExpirePointsHandler Expire(PatronDb db, DateTime at) => new(db, new FixedClock(at));

    public static GetPointsBalanceHandler Balance(PatronDb db, DateTime at) => new(db, new FixedClock(at));

    public static async Task<Guid> NewCustomerAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var customer = new Customer { Id = Ids.New(), Name = "王小明", SignedUpAt = Now.AddYears(-1), CreatedAt = Now.AddYears(-1), UpdatedAt = Now.AddYears(-1) };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    /// <summary>
    /// The balance is the sum of the ledger: the account row, the lots' remaining points and the balance handler all
    /// agree with SUM(points) over the entries, and none is negative. Returns that sum.
    /// </summary>
    public static async Task<long> AssertBalanceIsTheLedgerAsync(TestDatabase database, Guid customerId, DateTime at)
    {
        await using var db = database.NewContext();
        var ledger = await db.Set<PointsEntry>().Where(e => e.CustomerId == customerId).SumAsync(e => e.Points, Ct);
        var account = await db.Set<PointsAccount>().Where(a => a.CustomerId == customerId).Select(a => a.Balance).SingleOrDefaultAsync(Ct);
        var lots = await db.Set<PointsLot>().Where(l => l.CustomerId == customerId).SumAsync(l => l.Remaining, Ct);
        var balance = await Balance(db, at).HandleAsync(customerId, Ct);
        Assert.Equal(ledger, account);
        Assert.Equal(ledger, lots);
        Assert.Equal(ledger, balance.Total);
        Assert.True(ledger >= 0, $"The balance went negative: {ledger}.");
        Assert.True(balance.Available + balance.Pending <= balance.Total);
        return ledger;
    }

    /// <summary>A snapshot of every loyalty table's row count and the account's version, to prove that nothing was written.</summary>
    public static async Task<(int Entries, int Lots, int Consumptions, long Version)> WrittenAsync(TestDatabase database, Guid customerId)
    {
        await using var db = database.NewContext();
        return (await db.Set<PointsEntry>().CountAsync(Ct), await db.Set<PointsLot>().CountAsync(Ct), await db.Set<PointsConsumption>().CountAsync(Ct),
            await db.Set<PointsAccount>().Where(a => a.CustomerId == customerId).Select(a => a.Version).SingleOrDefaultAsync(Ct));
    }
}
