using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Platform;

namespace Patron.Customers.Contracts;

/// <summary>
/// Attaching and removing one tag on many customers, for rules that tag automatically (Segmentation's auto-tags).
/// One UPDATE … RETURNING per chunk of a few thousand ids, in SQL per provider (tags are a text[] on PostgreSQL and a
/// JSON array on SQLite): loading and saving each customer through the change tracker took minutes for a rule matching
/// a hundred thousand. Merged records are left alone, as the query filter hides them elsewhere. Touching a customer
/// moves its UpdatedAt, which is how the segmentation feature store notices the changed tags.
/// </summary>
public sealed class CustomerTags(PatronDb db, TimeProvider clock)
{
    const int Chunk = 5_000;

    /// <summary>Adds the tag where missing (not to a customer already at the tag limit); returns the customers that now have it and did not.</summary>
    public Task<HashSet<Guid>> AddAsync(string tag, IEnumerable<Guid> customers, CancellationToken ct = default) =>
        ChangeAsync(customers, tag, db.Database.IsNpgsql()
            ? """
              UPDATE customers SET tags = array_append(tags, {1}), updated_at = {2}
              WHERE id = ANY({0}) AND merged_into_id IS NULL AND NOT ({1} = ANY(tags)) AND cardinality(tags) < {3}
              RETURNING id AS "Value"
              """
            : """
              UPDATE customers SET tags = json_insert(tags, '$[#]', {1}), updated_at = {2}
              WHERE id IN (SELECT value FROM json_each({0})) AND merged_into_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM json_each(customers.tags) WHERE value = {1}) AND json_array_length(tags) < {3}
              RETURNING id AS "Value"
              """, ct);

    /// <summary>Removes the tag where present; returns the customers that had it.</summary>
    public Task<HashSet<Guid>> RemoveAsync(string tag, IEnumerable<Guid> customers, CancellationToken ct = default) =>
        ChangeAsync(customers, tag, db.Database.IsNpgsql()
            ? """
              UPDATE customers SET tags = array_remove(tags, {1}), updated_at = {2}
              WHERE id = ANY({0}) AND merged_into_id IS NULL AND {1} = ANY(tags)
              RETURNING id AS "Value"
              """
            : """
              UPDATE customers SET tags = (SELECT json_group_array(value) FROM json_each(customers.tags) WHERE value <> {1}), updated_at = {2}
              WHERE id IN (SELECT value FROM json_each({0})) AND merged_into_id IS NULL
                AND EXISTS (SELECT 1 FROM json_each(customers.tags) WHERE value = {1})
              RETURNING id AS "Value"
              """, ct);

    /// <summary>Of these customers, those that carry the tag now.</summary>
    public async Task<HashSet<Guid>> HoldersAsync(string tag, IEnumerable<Guid> customers, CancellationToken ct = default)
    {
        var result = new HashSet<Guid>();
        foreach (var chunk in customers.Distinct().Chunk(Chunk))
            foreach (var c in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Tags }).ToListAsync(ct))
                if (c.Tags.Contains(tag)) result.Add(c.Id);
        return result;
    }

    async Task<HashSet<Guid>> ChangeAsync(IEnumerable<Guid> customers, string tag, string sql, CancellationToken ct)
    {
        var changed = new HashSet<Guid>();
        var now = clock.GetUtcNow().UtcDateTime;
        var npgsql = db.Database.IsNpgsql();
        foreach (var chunk in customers.Distinct().Chunk(Chunk))
        {
            // SQLite keeps a Guid as upper-case text, the form EF writes; the ids go in as one JSON array parameter.
            object ids = npgsql ? chunk : JsonSerializer.Serialize(chunk.Select(id => id.ToString().ToUpperInvariant()));
            changed.UnionWith(await db.Database.SqlQueryRaw<Guid>(sql, ids, tag, now, CustomerValues.MaxTags).ToListAsync(ct));
        }
        return changed;
    }
}
