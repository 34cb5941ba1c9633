using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Patron.Customers.Contracts;

namespace Patron.Customers;

/// <summary>The golden record of one customer. Identifiers that link source records to it live in <see cref="CustomerIdentifier"/>.</summary>
public sealed class Customer
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly? Birthday { get; set; }
    /// <summary>E.164, e.g. +8613800138000.</summary>
    public string? Mobile { get; set; }
    /// <summary>The mobile was confirmed by its owner (SMS code, WeChat phone authorisation); a merge never replaces it with an unverified one.</summary>
    public bool MobileVerified { get; set; }
    public string? Email { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? District { get; set; }
    public string? Address { get; set; }
    public string? Occupation { get; set; }
    public string? MemberCardNo { get; set; }
    public SignUpChannel SignUpChannel { get; set; }
    public Guid? SignUpStoreId { get; set; }
    public DateTime SignedUpAt { get; set; }
    public ContactChannel PreferredChannel { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Set when this record was merged into another: a tombstone kept for links and the audit trail, hidden from every query.</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>
    /// When identity resolution covered this record: an incremental pass matched it, a batch run compared it, or it
    /// already existed when matching was switched on. Null until then, which is how every writer leaves a new customer
    /// (see Merging/MatchNewCustomersPass).
    /// </summary>
    public DateTime? MatchedAt { get; set; }
}

sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("customers");
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Mobile).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Province).HasMaxLength(40);
        b.Property(c => c.City).HasMaxLength(40);
        b.Property(c => c.District).HasMaxLength(40);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.Occupation).HasMaxLength(40);
        b.Property(c => c.MemberCardNo).HasMaxLength(32);
        // A till looks a customer up by mobile or member card: both indexed.
        b.HasIndex(c => c.Mobile);
        b.HasIndex(c => c.MemberCardNo);
        b.HasIndex(c => c.Name);
        b.HasIndex(c => c.SignedUpAt);
        // Inserts leave the marker to the column's NULL default (EF and the bulk writer alike: not a value per row), and
        // the incremental pass finds the unmarked customers, oldest first, through an index holding only them.
        b.Property(c => c.MatchedAt).Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        b.HasIndex(c => new { c.CreatedAt, c.Id }).HasDatabaseName("ix_customers_unmatched").HasFilter("matched_at IS NULL");
        // Merged records disappear from lists, search and lookups; the merging code reads them with IgnoreQueryFilters.
        b.HasQueryFilter(c => c.MergedIntoId == null);
    }
}
