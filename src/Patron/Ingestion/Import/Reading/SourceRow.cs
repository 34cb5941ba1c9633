namespace Patron.Ingestion.Import.Reading;

/// <summary>One data row as the file has it: its 1-based row number after the header and every cell as text.</summary>
public sealed record SourceRow(long Number, string[] Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Length ? Cells[index] : "";
}

/// <summary>A table read from a file: the header row and the data rows, streamed once.</summary>
public interface ITableReader : IDisposable
{
    IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows, read lazily; enumerate once.</summary>
    IEnumerable<SourceRow> Rows();
}
