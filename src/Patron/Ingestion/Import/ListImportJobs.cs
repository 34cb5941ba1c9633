using Microsoft.EntityFrameworkCore;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;

namespace Patron.Ingestion.Import;

public sealed record ImportJobView(
    Guid Id, string Source, string FileName, ImportKind Kind, ImportStatus Status, long RowsRead, long RowsAccepted, long RowsRejected,
    long CustomersCreated, long CustomersMatched, long OrdersCreated, long DuplicatesSkipped, long EventsCreated, string? Error,
    DateTime StartedAt, DateTime? FinishedAt);

/// <summary>The most recent import jobs (files and API batches), newest first.</summary>
public sealed class ListImportJobsHandler(PatronDb db)
{
    public async Task<List<ImportJobView>> HandleAsync(int take = 20, CancellationToken ct = default)
    {
        var jobs = await db.Set<ImportJob>().AsNoTracking().OrderByDescending(j => j.StartedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return jobs.Select(View).ToList();
    }

    public async Task<ImportJobView?> FindAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job ? View(job) : null;

    static ImportJobView View(ImportJob j) => new(
        j.Id, j.Source, j.FileName, j.Kind, j.Status, j.RowsRead, j.RowsAccepted, j.RowsRejected, j.CustomersCreated, j.CustomersMatched,
        j.OrdersCreated, j.DuplicatesSkipped, ImportReport.EventsOf(j), j.Error, j.StartedAt, j.FinishedAt);
}
