using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Contracts;

/// <summary>Customers' birthdays for other modules' scheduled jobs (loyalty's birthday coupons and gifts), streamed.</summary>
public sealed class CustomerBirthdays(PatronDb db)
{
    public async IAsyncEnumerable<(Guid CustomerId, DateOnly Birthday)> AllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = db.Customers.AsNoTracking().Where(c => c.Birthday != null).Select(c => new { c.Id, c.Birthday }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct)) yield return (r.Id, r.Birthday!.Value);
    }
}
