using Patron.Platform;
using Patron.Platform.Audit;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Platform.Audit;

public sealed class ListAuditEntriesTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Audit_entries_come_newest_first_and_filter_by_action(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var actor = new Actor(ActorKind.User, "u1", "owner@patron.local", "127.0.0.1");
        for (var i = 0; i < 3; i++)
        {
            await using var db = database.NewContext(new FixedClock(start.AddMinutes(i)));
            await new AuditLog(db, db.Clock).RecordAsync(actor, i == 1 ? AuditAction.Reveal : AuditAction.View, "customer", detail: $"#{i}", ct: ct);
        }

        await using var read = database.NewContext();
        var all = await new ListAuditEntriesHandler(read).HandleAsync(new ListAuditEntries(PageSize: 2), ct);
        var reveals = await new ListAuditEntriesHandler(read).HandleAsync(new ListAuditEntries(AuditAction.Reveal), ct);

        Assert.Equal(3, all.Total);
        Assert.Equal(["#2", "#1"], all.Items.Select(e => e.Detail));
        Assert.Equal("#1", Assert.Single(reveals.Items).Detail);
    }
}
