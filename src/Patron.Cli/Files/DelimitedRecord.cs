using CsvHelper;

namespace Patron.Cli.Files;

/// <summary>
/// The current record of <see cref="DelimitedFile.Records"/>: one object reused for every record and valid only
/// until the next is read, so that a caller pays for the fields it asks for (Online Retail: 5 of 8 columns) and for
/// the raw text only when it needs it (rejected lines); a string per field and per line was most of the CSV stage.
/// </summary>
sealed class DelimitedRecord
{
    CsvParser? parser;
    string[]? fields;
    string? text;

    public long Line { get; private set; }
    public int Count => fields?.Length ?? parser!.Count;
    /// <summary>A new string on each call for CSV files (CsvHelper does not cache fields): read a field once.</summary>
    public string this[int i] => fields is not null ? fields[i] : parser![i];
    /// <summary>The record's text as in the file, without its line break.</summary>
    public string Raw => text ?? parser!.RawRecord.TrimEnd('\r', '\n');
    public string[] ToArray() => fields ?? parser!.Record!;

    internal DelimitedRecord Set(long line, string[] fields, string text)
    {
        (Line, this.fields, this.text, parser) = (line, fields, text, null);
        return this;
    }

    internal DelimitedRecord Set(long line, CsvParser parser, string? text)
    {
        (Line, fields, this.text, this.parser) = (line, null, text, parser);
        return this;
    }
}
