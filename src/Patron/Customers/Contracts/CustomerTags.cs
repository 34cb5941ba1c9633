using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Contracts;

/// <summary>
/// Attaching and removing one tag on many customers, for rules that tag automatically (Segmentation's auto-tags).
/// Customers are read and saved in chunks so a rule matching a million customers does not hold them all tracked.
/// Touching a customer moves its UpdatedAt, which is how the segmentation feature store notices the changed tags.
/// </summary>
public sealed class CustomerTags(PatronDb db, TimeProvider clock)
{
    const int Chunk = 500;

    /// <summary>Adds the tag where missing (not to a customer already at the tag limit); returns the customers that now have it and did not.</summary>
    public Task<HashSet<Guid>> AddAsync(string tag, IEnumerable<Guid> customers, CancellationToken ct = default) =>
        ChangeAsync(customers, c => !c.Tags.Contains(tag) && c.Tags.Count < CustomerValues.MaxTags, c => c.Tags = [.. c.Tags, tag], ct);

    /// <summary>Removes the tag where present; returns the customers that had it.</summary>
    public Task<HashSet<Guid>> RemoveAsync(string tag, IEnumerable<Guid> customers, CancellationToken ct = default) =>
        ChangeAsync(customers, c => c.Tags.Contains(tag), c => c.Tags = [.. c.Tags.Where(t => t != tag)], ct);

    /// <summary>Of these customers, those that carry the tag now.</summary>
    public async Task<HashSet<Guid>> HoldersAsync(string tag, IEnumerable<Guid> customers, CancellationToken ct = default)
    {
        var result = new HashSet<Guid>();
        foreach (var chunk in customers.Distinct().Chunk(Chunk))
            foreach (var c in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Tags }).ToListAsync(ct))
                if (c.Tags.Contains(tag)) result.Add(c.Id);
        return result;
    }

    async Task<HashSet<Guid>> ChangeAsync(IEnumerable<Guid> customers, Func<Customer, bool> needs, Action<Customer> change, CancellationToken ct)
    {
        var changed = new HashSet<Guid>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in customers.Distinct().Chunk(Chunk))
        {
            foreach (var c in await db.Customers.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
            {
                if (!needs(c)) continue;
                change(c); // a new list, so EF sees the primitive collection change
                c.UpdatedAt = now;
                changed.Add(c.Id);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return changed;
    }
}
