using System.Globalization;
using CsvHelper;

namespace Patron.Cli.Files;

/// <summary>Writes rejected lines with their reasons, so that nothing read is lost: fix them and run again.</summary>
static class RejectsFile
{
    public static void Write(string path, IEnumerable<RejectedRow> rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("line"); csv.WriteField("reason"); csv.WriteField("original");
        csv.NextRecord();
        foreach (var r in rows)
        {
            csv.WriteField(r.Line); csv.WriteField(r.Reason); csv.WriteField(r.Raw);
            csv.NextRecord();
        }
    }
}
