using System.CommandLine;
using System.Diagnostics;
using Patron.Cli.Files;
using Patron.Engine.Matching;

namespace Patron.Cli.Commands;

/// <summary>
/// patron dedupe without --input resolves the customers in the database (<see cref="DedupeDatabase"/>); with it, over
/// files and without a database: finds the records that are one customer (dedupe of one file) or the records
/// of two files that are the same customer (linkage), and writes a cluster id for every input row, so that results
/// can be scored against known truth or loaded elsewhere.
/// </summary>
static class DedupeCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string[]>("--input")
        {
            Description = "The customer file (CSV, any delimiter, gzip accepted). Give it twice to link two files: only pairs across the files are compared, and the output gets a source column (1 or 2).",
            Arity = new ArgumentArity(1, 2), AllowMultipleArgumentsPerToken = false,
        };
        var idCol = new Option<string>("--id-col") { Description = "The column with each row's id, by name or 1-based position; ids must be unique within a file. Needed with --input." };
        var output = new Option<string?>("--out") { Description = "Write id,cluster_id (source,id,cluster_id when linking) for every accepted row to this CSV file; cluster ids are numbers from 1, a record alone gets its own." };
        var pairs = new Option<string?>("--pairs") { Description = "Write every pair at or above the review threshold to this CSV file, with its score, decision and the contribution of each field." };
        var rejects = new Option<string?>("--rejects") { Description = "Write the rejected rows (no id, duplicate id, wrong number of fields) with their reasons to this CSV file." };
        var col = new Option<string[]>("--col") { Description = $"Set a column's role, ROLE=COLUMN (repeatable). Roles: {string.Join(", ", Enum.GetNames<FieldRole>())}. Header names such as name/姓名, mobile/手机, email/邮箱, birthday/生日, address/地址 and FEBRL's columns are recognised without it." };
        var ignore = new Option<string[]>("--ignore-col") { Description = "A column not to compare (repeatable)." };
        var upper = new Option<double>("--upper") { Description = "Score at or above which pairs merge automatically.", DefaultValueFactory = _ => MatchModel.DefaultUpper, CustomParser = CliNumbers.Invariant };
        var review = new Option<double>("--review") { Description = "Score from which pairs below --upper are queued for review.", DefaultValueFactory = _ => MatchModel.DefaultReview, CustomParser = CliNumbers.Invariant };
        var oneToOne = new Option<bool>("--one-to-one") { Description = "Linking: each record merges with at most one record of the other file (its best-scoring match)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Without --input: print what would be merged and queued for review, and change nothing." };

        var command = new Command("dedupe", "Without --input: match the customers in the database, merge the sure pairs and queue the likely ones for review (pairs already decided are left alone). "
            + "With --input: find the customers that occur more than once in a file, or in two files (linkage): deterministic links on mobile, email and member card, then fuzzy scores with blocking; no database needed.")
        {
            input, idCol, output, pairs, rejects, col, ignore, upper, review, oneToOne, json, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (up, low) = (parse.GetValue(upper), parse.GetValue(review));
            if (!(low <= up)) throw new CliException($"--review ({low}) must not be above --upper ({up}).");
            if (parse.GetValue(input) is not { Length: > 0 } paths)
            {
                foreach (var fileOnly in new Option[] { idCol, output, pairs, rejects, col, ignore, oneToOne })
                    if (parse.GetResult(fileOnly) is { Implicit: false }) throw new CliException($"{fileOnly.Name} needs --input; without it dedupe works on the database.");
                return await DedupeDatabase.RunAsync(context, up, low, parse.GetValue(dryRun), parse.GetValue(json), ct);
            }
            if (parse.GetValue(idCol) is null) throw new CliException("--id-col is needed with --input.");
            if (parse.GetValue(dryRun)) throw new CliException("--dry-run is for the database; with --input nothing is changed anyway.");
            var clock = Stopwatch.StartNew();
            var data = DedupeInput.Read(paths, parse.GetValue(idCol)!, parse.GetValue(col) ?? [], parse.GetValue(ignore) ?? []);
            var read = clock.Elapsed;
            clock.Restart();
            var linking = paths.Length == 2;
            var resolution = data.Resolve(linking, up, low, parse.GetValue(oneToOne));
            var summary = new DedupeSummary(data, resolution, linking, read, clock.Elapsed);

            if (parse.GetValue(output) is { } o) DedupeOutput.WriteClusters(o, summary);
            if (parse.GetValue(pairs) is { } p) DedupeOutput.WritePairs(p, summary, data.MatchFields);
            if (parse.GetValue(rejects) is { } r) RejectsFile.Write(r, data.Rejected.Select(x => x.Row with { Reason = $"file {x.File}: {x.Row.Reason}" }));
            if (parse.GetValue(json)) DedupeOutput.WriteJson(context.Console.Profile.Out.Writer, summary);
            else DedupeOutput.Print(context.Console, summary);
            return 0;
        });
        return command;
    }
}
