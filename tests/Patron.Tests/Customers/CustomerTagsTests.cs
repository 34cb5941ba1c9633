using Microsoft.EntityFrameworkCore;
using Patron.Customers;
using Patron.Customers.Contracts;
using Patron.Platform;
using Patron.Tests.Infrastructure;

namespace Patron.Tests.Customers;

/// <summary>The set-based tag writes auto-tags use: one statement per chunk, in SQL per provider.</summary>
public sealed class CustomerTagsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateTime Then = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    static readonly DateTime Now = new(2026, 3, 31, 4, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_tag_goes_on_where_missing_and_room_is_left_and_comes_off_where_present(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var plain = Add(db, "vip");
        var full = Add(db, [.. Enumerable.Range(1, CustomerValues.MaxTags).Select(i => $"t{i}")]);
        var holder = Add(db, "活跃", "vip");
        var merged = Add(db, "vip");
        merged.MergedIntoId = plain.Id;
        await db.SaveChangesAsync(Ct);
        var tags = new CustomerTags(db, new FixedClock(Now));

        var added = await tags.AddAsync("活跃", [plain.Id, full.Id, holder.Id, merged.Id, plain.Id], Ct);

        Assert.Equal([plain.Id], added);
        Assert.Equal(["vip", "活跃"], await TagsAsync(database, plain.Id));
        Assert.Equal(CustomerValues.MaxTags, (await TagsAsync(database, full.Id)).Count);
        Assert.Equal(["活跃", "vip"], await TagsAsync(database, holder.Id));
        Assert.Equal(["vip"], await TagsAsync(database, merged.Id));
        Assert.Equal([Now, Then, Then], await UpdatedAsync(database, plain.Id, full.Id, holder.Id));

        var removed = await tags.RemoveAsync("vip", [plain.Id, full.Id, holder.Id, merged.Id], Ct);

        Assert.Equal(new HashSet<Guid> { plain.Id, holder.Id }, removed);
        Assert.Equal(["活跃"], await TagsAsync(database, plain.Id));
        Assert.Equal(["活跃"], await TagsAsync(database, holder.Id));
        Assert.Equal(["vip"], await TagsAsync(database, merged.Id));
        // The last tag off leaves an empty list, which reads back as one.
        await tags.RemoveAsync("活跃", [plain.Id], Ct);
        Assert.Empty(await TagsAsync(database, plain.Id));
    }

    static Customer Add(PatronDb db, params string[] tags)
    {
        var c = new Customer { Id = Ids.New(), Name = "顾客", Tags = [.. tags], SignedUpAt = Then, CreatedAt = Then, UpdatedAt = Then };
        db.Customers.Add(c);
        return c;
    }

    static async Task<List<string>> TagsAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext();
        return (await db.Customers.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id, Ct)).Tags;
    }

    static async Task<List<DateTime>> UpdatedAsync(TestDatabase database, params Guid[] ids)
    {
        await using var db = database.NewContext();
        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UpdatedAt, Ct);
        return [.. ids.Select(id => rows[id])];
    }
}
