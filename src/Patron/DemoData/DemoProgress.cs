namespace Patron.DemoData;

public enum DemoPhase { Catalog, Customers, Orders }

/// <summary>
/// Progress of one phase. Done and Total count rows, except in the Orders phase, where they count simulated days
/// (the number of orders is only known at the end) and Rows counts what was written so far.
/// </summary>
public sealed record DemoProgress(DemoPhase Phase, long Done, long Total, long Rows);

public sealed record DemoTableCount(string Table, long Rows);

/// <summary>What was written: rows per table (in writing order) and the wall-clock time, generation included.</summary>
public sealed record DemoDataSummary(IReadOnlyList<DemoTableCount> Tables, TimeSpan Elapsed)
{
    public long TotalRows => Tables.Sum(t => t.Rows);
}
