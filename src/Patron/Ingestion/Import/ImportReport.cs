using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Mapping;

namespace Patron.Ingestion.Import;

/// <summary>
/// A rejected row and why: each problem with its code, and <see cref="Reasons"/>, their English texts as reports have
/// always listed them. The quarantine keeps the row itself, with the texts.
/// </summary>
public sealed record RejectedRow(long Row, IReadOnlyList<RowProblem> Problems)
{
    public IReadOnlyList<string> Reasons => [.. Problems.Select(p => p.Text)];
}

/// <summary>
/// What an import did. RowsRead = RowsAccepted + RowsRejected, always. Accepted rows include those of duplicate orders
/// (already imported, skipped unchanged); for events, DuplicatesSkipped counts events already imported. Rejections lists the first <see cref="ImportReport.MaxListed"/> rejected rows;
/// all of them are in the quarantine (<c>patron import quarantine --job ID</c>).
/// </summary>
public sealed record ImportReport(
    Guid JobId, string Source, string FileName, ImportKind Kind, ImportStatus Status,
    long RowsRead, long RowsAccepted, long RowsRejected, long CustomersCreated, long CustomersMatched,
    long OrdersCreated, long OrderLinesCreated, long DuplicatesSkipped, long EventsCreated,
    IReadOnlyList<RejectedRow> Rejections, DateTime StartedAt, DateTime? FinishedAt)
{
    public const int MaxListed = 1000;

    /// <summary>An events job keeps no count of its own: each accepted event row was either written or a duplicate.</summary>
    public static long EventsOf(ImportJob job) => job.Kind == ImportKind.Events ? job.RowsAccepted - job.DuplicatesSkipped : 0;

    public static ImportReport From(ImportJob job, IReadOnlyList<RejectedRow> rejections) => new(
        job.Id, job.Source, job.FileName, job.Kind, job.Status, job.RowsRead, job.RowsAccepted, job.RowsRejected,
        job.CustomersCreated, job.CustomersMatched, job.OrdersCreated, job.OrderLinesCreated, job.DuplicatesSkipped,
        EventsOf(job), rejections, job.StartedAt, job.FinishedAt);
}

/// <summary>Progress after each committed batch; BytesRead/BytesTotal are of the file on disk (compressed when gzipped).</summary>
public sealed record ImportProgress(long RowsRead, long RowsRejected, long BytesRead, long BytesTotal);

/// <summary>The mapping does not fit the file, or the request is wrong; nothing was imported.</summary>
public sealed class ImportRefused(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
