using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Customers.Merging;

/// <summary>One matching run (a batch run over the whole customers table, or an incremental pass) and what it found.</summary>
public sealed class MatchRun
{
    public Guid Id { get; set; }
    /// <summary>A pass over the customers no run had covered yet (<see cref="Customers.Customer.MatchedAt"/>) rather than over all of them.</summary>
    public bool Incremental { get; set; }
    public DateTime StartedAt { get; set; }
    public double Seconds { get; set; }
    public int Customers { get; set; }
    public long PairsCompared { get; set; }
    public int Queued { get; set; }
    public int Merged { get; set; }
    /// <summary>Merges a module refused (e.g. both customers hold points); their pairs are queued for a person instead.</summary>
    public int Refused { get; set; }
}

sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> b)
    {
        b.ToTable("customers_match_runs");
    }
}
