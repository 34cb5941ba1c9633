using Microsoft.EntityFrameworkCore;
using Patron.Customers.Contracts;
using Patron.Engine.Matching;
using Patron.Platform;

namespace Patron.Customers.Merging;

/// <summary>Match the given customers (new ones) against the existing customers.</summary>
public sealed record MatchNewCustomers(IReadOnlyList<Guid> CustomerIds);

/// <summary>
/// Incremental matching: each new customer is scored against its blocking candidates only, found through indexed
/// lookups (the same name, mobile, card, or an identifier with its mobile or email), then merged or queued with the
/// batch's rules. The candidates' pairs among themselves are not compared: the batch run covers those.
/// </summary>
public sealed class MatchNewCustomersHandler(PatronDb db, MatchDecisions decisions)
{
    const int MaxCandidates = 200;

    public async Task<MatchOutcome> HandleAsync(MatchNewCustomers request, CancellationToken ct = default)
    {
        var settings = MatchModel.Settings(CustomerMatchRecords.Roles);
        var found = new List<FoundPair>();
        var news = await CustomerMatchRecords.Project(db.Customers.AsNoTracking().Where(c => request.CustomerIds.Contains(c.Id))).ToListAsync(ct);
        foreach (var customer in news)
        {
            var candidates = await CandidatesAsync(customer, ct);
            if (candidates.Count == 0) continue;
            var records = CustomerMatchRecords.Prepare([customer, .. candidates]);
            var scratch = new double[records.Fields.Count];
            for (var i = 1; i < records.Count; i++)
            {
                var score = records.Score(0, i, scratch);
                if (score < settings.Lower) continue;
                found.Add(new FoundPair(customer.Id, candidates[i - 1].Id, score, CustomerMatchRecords.Contributions(records, scratch),
                    score >= settings.Upper ? MatchDecision.Merge : MatchDecision.Review));
            }
        }
        return await decisions.ApplyAsync(found, dryRun: false, ct);
    }

    async Task<List<MatchRow>> CandidatesAsync(MatchRow c, CancellationToken ct)
    {
        var keys = new[] { c.Mobile, c.Email, c.MemberCardNo }.Where(v => v is not null).ToList();
        var linked = db.CustomerIdentifiers.Where(i => keys.Contains(i.Value)).Select(i => i.CustomerId);
        var query = db.Customers.AsNoTracking().Where(o => o.Id != c.Id && (o.Name == c.Name
            || (c.Mobile != null && o.Mobile == c.Mobile) || (c.MemberCardNo != null && o.MemberCardNo == c.MemberCardNo) || linked.Contains(o.Id)));
        return await CustomerMatchRecords.Project(query.OrderBy(o => o.Id).Take(MaxCandidates)).ToListAsync(ct);
    }
}
