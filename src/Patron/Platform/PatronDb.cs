using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Patron.Commerce;
using Patron.Customers;
using Patron.Platform.ApiKeys;
using Patron.Platform.Audit;
using Patron.Platform.Identity;
using Patron.Segmentation;

namespace Patron.Platform;

/// <summary>The one DbContext. Tables are prefixed by module; a module queries only its own.</summary>
public sealed class PatronDb(DbContextOptions<PatronDb> options, TimeProvider clock)
    : IdentityDbContext<PatronUser, IdentityRole<Guid>, Guid>(options)
{
    readonly DbContextOptions<PatronDb> contextOptions = options;

    public TimeProvider Clock { get; } = clock;

    /// <summary>
    /// Another context on the same database, with a connection of its own: for reading while this one writes (an
    /// import decides its next batch while the current one is being written). The caller disposes it.
    /// </summary>
    public PatronDb Sibling() => new(contextOptions, Clock);

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerIdentifier> CustomerIdentifiers => Set<CustomerIdentifier>();
    public DbSet<CustomerEvent> CustomerEvents => Set<CustomerEvent>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMembership> SegmentMemberships => Set<SegmentMembership>();
    public DbSet<SegmentSize> SegmentSizes => Set<SegmentSize>();
    public DbSet<AutoTagRule> AutoTagRules => Set<AutoTagRule>();
    public DbSet<AutoTagAssignment> AutoTagAssignments => Set<AutoTagAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PatronDb).Assembly);
        IdentityTables.Rename(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as text: readable in SQL, stable when members are added.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Every time is UTC; SQLite forgets the kind, so say it on the way back (the API then writes the Z).
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or deleted.");
    }
}
