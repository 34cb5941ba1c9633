using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Patron.Ingestion.Import;

/// <summary>An import queued from the UI: its progress while it runs, then its report or why it failed.</summary>
public sealed class QueuedImport(Guid id, RunImport request)
{
    public Guid Id { get; } = id;
    public RunImport Request { get; } = request;
    public ImportProgress? Progress { get; internal set; }
    public ImportReport? Report { get; internal set; }
    public string? Error { get; internal set; }
    public bool Done => Report is not null || Error is not null;
}

/// <summary>
/// Runs uploaded files' imports one at a time in the background, so a long import survives the page that started it
/// (the job row keeps the counts of every committed batch). The uploaded file is deleted when its import ends.
/// </summary>
public sealed class ImportQueue(IServiceScopeFactory scopes, ILogger<ImportQueue> log) : BackgroundService
{
    const int Remembered = 50;
    readonly Channel<QueuedImport> queue = Channel.CreateUnbounded<QueuedImport>();
    readonly ConcurrentDictionary<Guid, QueuedImport> runs = new();

    public QueuedImport Enqueue(RunImport request)
    {
        var run = new QueuedImport(Guid.CreateVersion7(), request);
        runs[run.Id] = run;
        foreach (var old in runs.Values.Where(r => r.Done).OrderBy(r => r.Id).SkipLast(Remembered)) runs.TryRemove(old.Id, out _);
        if (!queue.Writer.TryWrite(run)) throw new InvalidOperationException("The import queue is closed.");
        return run;
    }

    public QueuedImport? Find(Guid id) => runs.GetValueOrDefault(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<RunImportHandler>();
                run.Report = await handler.HandleAsync(run.Request, new Reporter(p => run.Progress = p), stoppingToken);
            }
            catch (ImportRefused e) { run.Error = string.Join(" ", e.Problems); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { run.Error = "Stopped with the server."; }
            catch (Exception e)
            {
                log.LogError(e, "Import of {File} failed", run.Request.Path);
                run.Error = e.Message;
            }
            finally { Delete(run.Request.Path); }
        }
    }

    /// <summary>Uploads live in a folder of their own; the folder goes with the file.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
            var folder = Path.GetDirectoryName(path);
            if (folder is not null && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        catch (IOException) { }
    }

    sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
