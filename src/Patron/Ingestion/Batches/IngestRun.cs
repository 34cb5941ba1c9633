using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;

namespace Patron.Ingestion.Batches;

/// <summary>The state of one API batch: each item's status and reasons, and the job's counts, as the steps decide them.</summary>
sealed class IngestRun(IngestRows rows, ImportJob job)
{
    readonly IngestStatus?[] status = new IngestStatus?[rows.ExternalIds.Length];
    readonly List<RowProblem>?[] reasons = new List<RowProblem>?[rows.ExternalIds.Length];
    readonly Dictionary<SourceRow, int> itemOf = rows.Rows.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => rows.Item[p.i]);

    public int ItemOf(SourceRow row) => itemOf[row];

    /// <summary>An item without its externalId cannot be made idempotent, so it is rejected before anything is written.</summary>
    public void CheckExternalIds(int max)
    {
        for (var i = 0; i < status.Length; i++)
        {
            var id = rows.ExternalIds[i]?.Trim();
            if (string.IsNullOrEmpty(id)) Reject(i, RowProblem.ExternalIdRequired());
            else if (id.Length > max) Reject(i, RowProblem.TooLong("externalId", max));
        }
    }

    /// <summary>Two items of one batch with the same order id are one order sent twice: the later one is a duplicate.</summary>
    public void MarkRepeatedOrders()
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < status.Length; i++)
        {
            if (status[i] is not null) continue;
            var id = Normalise.Text(rows.ExternalIds[i]!.Trim())!;
            if (!first.TryAdd(id, i))
            {
                status[i] = IngestStatus.Duplicate;
                reasons[i] = [RowProblem.ItemRepeated(first[id])];
                var count = rows.Item.Count(x => x == i);
                job.RowsRead += count; job.RowsAccepted += count; job.DuplicatesSkipped++;
            }
        }
    }

    public List<(SourceRow Row, string Reasons)> PreRejectedRows()
    {
        var rejected = rows.Rows.Where(r => status[ItemOf(r)] == IngestStatus.Rejected).Select(r => (r, string.Join("; ", reasons[ItemOf(r)]!))).ToList();
        job.RowsRead += rejected.Count; job.RowsRejected += rejected.Count;
        return rejected;
    }

    public List<SourceRow> Pending() => rows.Rows.Where(r => status[ItemOf(r)] is null).ToList();

    /// <summary>The pending rows in chunks of at most <paramref name="max"/> rows, an item's rows never split (an item larger than max is a chunk alone).</summary>
    public IEnumerable<List<SourceRow>> Chunks(int max)
    {
        var chunk = new List<SourceRow>();
        foreach (var item in Pending().GroupBy(ItemOf))
        {
            var itemRows = item.ToList();
            if (chunk.Count > 0 && chunk.Count + itemRows.Count > max) { yield return chunk; chunk = []; }
            chunk.AddRange(itemRows);
        }
        if (chunk.Count > 0) yield return chunk;
    }

    /// <summary>A chunk written by the file import's writer: its counts, and its rejected rows (every one listed: a chunk is at most MaxListed rows).</summary>
    public void Add(BatchCounts c, List<RejectedRow> listed)
    {
        job.RowsRead += c.Read; job.RowsAccepted += c.Accepted; job.RowsRejected += c.Rejected;
        job.CustomersCreated += c.CustomersCreated; job.CustomersMatched += c.CustomersMatched;
        job.OrdersCreated += c.OrdersCreated; job.OrderLinesCreated += c.LinesCreated; job.DuplicatesSkipped += c.Duplicates;
        foreach (var row in listed)
        {
            var item = rows.Item[(int)row.Row - 1];
            status[item] = IngestStatus.Rejected;
            // The rows of one order often share a problem (the buyer's): the item lists it once.
            foreach (var problem in row.Problems)
                if (!(reasons[item] ??= []).Exists(p => p.Text == problem.Text)) reasons[item]!.Add(problem);
        }
    }

    /// <summary>Events are one row per item, reported by the event writer row by row.</summary>
    public void Record(IReadOnlyList<RowOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            var item = ItemOf(o.Row);
            status[item] = o.Status switch { RowStatus.Accepted => IngestStatus.Accepted, RowStatus.Duplicate => IngestStatus.Duplicate, _ => IngestStatus.Rejected };
            if (o.Status == RowStatus.Rejected) reasons[item] = [.. o.Problems];
            job.RowsRead++;
            if (o.Status == RowStatus.Rejected) job.RowsRejected++; else job.RowsAccepted++;
            if (o.Status == RowStatus.Duplicate) job.DuplicatesSkipped++;
        }
    }

    /// <summary>What is left undecided was written or matched, unless its key existed before the batch.</summary>
    public void MarkDuplicates(HashSet<int> known)
    {
        for (var i = 0; i < status.Length; i++)
            status[i] ??= known.Contains(i) ? IngestStatus.Duplicate : IngestStatus.Accepted;
    }

    public IngestResult Result()
    {
        var items = status.Select((s, i) => new IngestItemResult(i, rows.ExternalIds[i], s ?? IngestStatus.Accepted, reasons[i])).ToList();
        int Count(IngestStatus s) => items.Count(r => r.Status == s);
        var events = rows.Kind == ImportKind.Events ? Count(IngestStatus.Accepted) : 0;
        return new IngestResult(job.Id, items.Count, Count(IngestStatus.Accepted), Count(IngestStatus.Duplicate), Count(IngestStatus.Rejected),
            job.CustomersCreated, job.CustomersMatched, job.OrdersCreated, events, items);
    }

    void Reject(int item, RowProblem reason)
    {
        status[item] = IngestStatus.Rejected;
        (reasons[item] ??= []).Add(reason);
    }
}
