using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Import;

/// <summary>What happened to one row or API item.</summary>
public enum RowStatus { Accepted, Duplicate, Rejected }

public sealed record RowOutcome(SourceRow Row, RowStatus Status, IReadOnlyList<RowProblem> Problems);

/// <summary>
/// Cleans and writes one batch of event rows; the caller owns the transaction. A row whose customer is not known is
/// rejected (and so quarantined) with the identifiers it tried: an event never creates a customer.
/// </summary>
sealed class EventBatchWriter(EventImportWriter events, Quarantine quarantine, EventRowCleaner cleaner, ImportJob job)
{
    public async Task<BatchCounts> WriteAsync(IReadOnlyList<SourceRow> rows, DateTime utcNow, List<RejectedRow> listed, CancellationToken ct)
    {
        var outcomes = await WriteRowsAsync(rows, utcNow, ct);
        foreach (var o in outcomes.Where(o => o.Status == RowStatus.Rejected).Take(Math.Max(0, ImportReport.MaxListed - listed.Count)))
            listed.Add(new RejectedRow(o.Row.Number, o.Problems));
        var rejected = outcomes.Count(o => o.Status == RowStatus.Rejected);
        return new BatchCounts
        {
            Read = rows.Count, Rejected = rejected, Accepted = rows.Count - rejected,
            Duplicates = outcomes.Count(o => o.Status == RowStatus.Duplicate),
        };
    }

    public async Task<IReadOnlyList<RowOutcome>> WriteRowsAsync(IReadOnlyList<SourceRow> rows, DateTime utcNow, CancellationToken ct)
    {
        var cleaned = rows.Select(cleaner.Clean).ToList();
        var good = cleaned.Where(c => c.Event is not null).ToList();
        var written = await events.WriteAsync(good.Select(c => c.Event!).ToList(), job.Source, ct);
        var status = new Dictionary<CleanRow, EventOutcome>();
        for (var i = 0; i < good.Count; i++) status[good[i].Row] = written[i];

        var outcomes = cleaned.Select(c =>
        {
            if (c.Event is null) return new RowOutcome(c.Row.Source, RowStatus.Rejected, c.Row.Problems);
            return status[c.Row] switch
            {
                EventOutcome.Created => new RowOutcome(c.Row.Source, RowStatus.Accepted, []),
                EventOutcome.Duplicate => new RowOutcome(c.Row.Source, RowStatus.Duplicate, []),
                _ => new RowOutcome(c.Row.Source, RowStatus.Rejected, [Unknown(c.Event.Who)]),
            };
        }).ToList();
        var rejected = outcomes.Where(o => o.Status == RowStatus.Rejected).Select(o => (o.Row, string.Join("; ", o.Problems))).ToList();
        await quarantine.KeepAsync(job.Id, job.Source, job.Kind, rejected, utcNow, ct);
        return outcomes;
    }

    static RowProblem Unknown(ImportedCustomer who) =>
        RowProblem.UnknownCustomer(string.Join(" or ", who.Identifiers().Select(k => $"{k.Kind} {k.Value}")));
}
