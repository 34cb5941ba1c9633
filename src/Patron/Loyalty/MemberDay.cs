using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Patron.Loyalty;

/// <summary>A recurring member day (会员日): every given weekday, or a given day of each month, with a points multiplier.</summary>
public sealed class MemberDay
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DayOfWeek? Weekday { get; set; }
    public int? DayOfMonth { get; set; }
    public int MultiplierPercent { get; set; } = 200;
    public bool Active { get; set; } = true;
}

sealed class MemberDayConfiguration : IEntityTypeConfiguration<MemberDay>
{
    public void Configure(EntityTypeBuilder<MemberDay> b)
    {
        b.ToTable("loyalty_member_days", t =>
            t.HasCheckConstraint("ck_loyalty_member_days_day", "(weekday IS NULL) <> (day_of_month IS NULL)"));
        b.Property(d => d.Name).HasMaxLength(100);
    }
}
