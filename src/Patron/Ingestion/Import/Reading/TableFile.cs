namespace Patron.Ingestion.Import.Reading;

/// <summary>Opens a file by its content: .xlsx (a zip with the workbook inside) or delimited text, gzipped or not.</summary>
public static class TableFile
{
    /// <summary>Opens the file and reads its header row; a file that is no readable table is refused with the reason.</summary>
    public static ITableReader Open(string path) => OpenFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path);

    /// <summary>As <see cref="Open(string)"/>, over a stream the caller opened (to follow its position); disposes it on failure.</summary>
    public static ITableReader OpenFile(FileStream file, string path)
    {
        try { return Open(file, Path.GetExtension(path)); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            file.Dispose();
            throw new ImportRefused([$"{Path.GetFileName(path)} cannot be read as a CSV or .xlsx table: {e.Message}"]);
        }
    }

    public static ITableReader Open(Stream file, string? extension = null)
    {
        Span<byte> magic = stackalloc byte[4];
        var n = file.Read(magic);
        file.Position = 0;
        // "PK\3\4": a zip, which for a table file means an Office Open XML workbook.
        var isZip = n == 4 && magic[0] == 0x50 && magic[1] == 0x4B && magic[2] == 3 && magic[3] == 4;
        if (isZip || string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase)) return new ExcelTableReader(file);
        return new CsvTableReader(file);
    }
}
