using System.Globalization;
using MiniExcelLibs;

namespace Patron.Ingestion.Import.Reading;

/// <summary>
/// The first sheet of an .xlsx workbook. MiniExcel reads the sheet XML forward-only, so rows stream like a CSV's.
/// Cells arrive typed; they are turned back into the text a CSV of the same sheet would hold (dates as ISO), so that
/// one set of cleaning rules serves both.
/// </summary>
public sealed class ExcelTableReader : ITableReader
{
    readonly Stream file;
    readonly IEnumerator<IDictionary<string, object?>> rows;
    readonly string[] columns;

    public ExcelTableReader(Stream file)
    {
        this.file = file;
        rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
        if (rows.MoveNext())
        {
            columns = rows.Current.Keys.ToArray();
            Headers = columns.Select(c => Text(rows.Current[c]).Trim()).ToArray();
        }
        else
        {
            columns = [];
            Headers = [];
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public IEnumerable<SourceRow> Rows()
    {
        long number = 0;
        while (rows.MoveNext())
        {
            var cells = new string[columns.Length];
            var empty = true;
            for (var i = 0; i < columns.Length; i++)
            {
                cells[i] = rows.Current.TryGetValue(columns[i], out var v) ? Text(v) : "";
                empty &= cells[i].Length == 0;
            }
            if (!empty) yield return new SourceRow(++number, cells);
        }
    }

    static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        rows.Dispose();
        file.Dispose();
    }
}
