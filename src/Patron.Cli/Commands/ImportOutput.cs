using System.Globalization;
using Patron.Ingestion.Import;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>How the import commands print: a progress bar over the file's bytes, the report, the preview.</summary>
static class ImportOutput
{
    public static Task<ImportReport> WithProgressAsync(IAnsiConsole console, RunImportHandler handler, RunImport request, CancellationToken ct) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Label(0, 0), maxValue: 1);
                var reporter = new Reporter<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesRead;
                    task.Description = Label(p.RowsRead, p.RowsRejected);
                });
                return await handler.HandleAsync(request, reporter, ct);
            });

    static string Label(long rows, long rejected) => $"Rows {rows,12:N0}  rejected {rejected,9:N0}";

    public static void Report(IAnsiConsole console, ImportReport r)
    {
        var table = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        void Row(string label, long value) => table.AddRow(label, value.ToString("N0", CultureInfo.InvariantCulture));
        Row("Rows read", r.RowsRead);
        Row("Rows accepted", r.RowsAccepted);
        Row("Rows rejected", r.RowsRejected);
        if (r.Kind == Patron.Ingestion.Import.Mapping.ImportKind.Events)
        {
            Row("Events created", r.EventsCreated);
            Row("Duplicate events skipped", r.DuplicatesSkipped);
        }
        else
        {
            Row("Customers created", r.CustomersCreated);
            Row("Matched to existing customers", r.CustomersMatched);
        }
        if (r.Kind == Patron.Ingestion.Import.Mapping.ImportKind.Orders)
        {
            Row("Orders created", r.OrdersCreated);
            Row("Order lines created", r.OrderLinesCreated);
            Row("Duplicate orders skipped", r.DuplicatesSkipped);
        }
        console.Write(table);
        foreach (var rejected in r.Rejections.Take(20))
            console.MarkupLineInterpolated($"[yellow]row {rejected.Row}[/]: {string.Join("; ", rejected.Reasons)}");
        if (r.RowsRejected > 20) console.MarkupLineInterpolated($"… {r.RowsRejected - 20:N0} more rejected rows.");
        console.MarkupLineInterpolated($"Job [bold]{r.JobId}[/] {r.Status} ({r.Source}, {r.FileName}).");
        if (r.RowsRejected > 0)
            console.MarkupLineInterpolated($"Download the rejected rows: patron import quarantine --job {r.JobId} --out rejected.csv");
    }

    public static void Preview(IAnsiConsole console, ImportPreview p)
    {
        foreach (var problem in p.MappingProblems) console.MarkupLineInterpolated($"[red]mapping[/]: {problem}");
        console.MarkupLineInterpolated($"Mapping: {string.Join(", ", p.Mapping.Columns.Select(c => $"{c.Value} → {c.Key}"))}");
        foreach (var row in p.Rows)
        {
            var values = string.Join("  ", row.Values.Where(v => v.Value is not null).Select(v => $"{v.Key}={v.Value}"));
            console.MarkupLineInterpolated($"[bold]row {row.Row}[/] {values}");
            foreach (var problem in row.Problems) console.MarkupLineInterpolated($"    [red]✗ {problem}[/]");
            foreach (var note in row.Notes) console.MarkupLineInterpolated($"    [yellow]! {note}[/]");
        }
    }
}
