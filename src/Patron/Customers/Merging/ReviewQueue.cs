using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Platform;

namespace Patron.Customers.Merging;

/// <summary>A pair waiting for a person: both records side by side, the score and each field's contribution to it.</summary>
public sealed record ReviewItem(Guid CandidateId, double Score, IReadOnlyDictionary<string, double> Contributions,
    CustomerDetails First, CustomerDetails Second, DateTime FoundAt);

public sealed record ListReviewQueue(int PageIndex = 0, int PageSize = 25, bool Reveal = false);

/// <summary>Pending pairs, best score first; pairs where either customer has been merged away meanwhile are not shown.</summary>
public sealed class ListReviewQueueHandler(PatronDb db)
{
    public async Task<Page<ReviewItem>> HandleAsync(ListReviewQueue q, CancellationToken ct = default)
    {
        var (index, size) = Paging.Clamp(q.PageIndex, q.PageSize);
        var live = db.Customers.Select(c => c.Id);
        var pending = db.Set<MatchCandidate>().AsNoTracking()
            .Where(c => c.Status == CandidateStatus.Pending && live.Contains(c.FirstId) && live.Contains(c.SecondId));
        var total = await pending.CountAsync(ct);
        var page = await pending.OrderByDescending(c => c.Score).ThenBy(c => c.Id).Skip(index * size).Take(size).ToListAsync(ct);
        var ids = page.SelectMany(c => new[] { c.FirstId, c.SecondId }).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var items = page.Select(c => new ReviewItem(c.Id, c.Score, JsonSerializer.Deserialize<Dictionary<string, double>>(c.Contributions) ?? [],
            CustomerViews.Details(customers[c.FirstId], null, q.Reveal), CustomerViews.Details(customers[c.SecondId], null, q.Reveal), c.FoundAt)).ToList();
        return new Page<ReviewItem>(items, total, index, size);
    }
}
