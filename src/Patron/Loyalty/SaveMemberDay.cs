using Microsoft.EntityFrameworkCore;
using Patron.Platform;
using Patron.Platform.Audit;

namespace Patron.Loyalty;

/// <summary>A member day: every <paramref name="Weekday"/> or the <paramref name="DayOfMonth"/> of each month (one of the two).</summary>
public sealed record SaveMemberDay(string? Name, DayOfWeek? Weekday, int? DayOfMonth, int MultiplierPercent, bool Active = true);

public sealed record MemberDayView(Guid Id, string Name, DayOfWeek? Weekday, int? DayOfMonth, int MultiplierPercent, bool Active);

public sealed class SaveMemberDayHandler(PatronDb db, AuditLog audit)
{
    public async Task<WriteResult<MemberDayView>> HandleAsync(SaveMemberDay request, Actor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors.Add("name", "Required, at most 100 characters.");
        if ((request.Weekday is null) == (request.DayOfMonth is null)) errors.Add("weekday", "Give a weekday or a day of the month, not both.");
        if (request.Weekday is { } w && !Enum.IsDefined(w)) errors.Add("weekday", "Not a weekday.");
        if (request.DayOfMonth is < 1 or > 31) errors.Add("dayOfMonth", "Between 1 and 31.");
        if (request.MultiplierPercent is < 100 or > 10_000) errors.Add("multiplierPercent", "Between 100 (×1) and 10000 (×100).");
        if (errors.Any) return WriteResult<MemberDayView>.Invalid(errors);

        var day = new MemberDay { Id = Ids.New(), Name = name, Weekday = request.Weekday, DayOfMonth = request.DayOfMonth, MultiplierPercent = request.MultiplierPercent, Active = request.Active };
        db.Add(day);
        audit.Add(actor, AuditAction.Create, $"loyalty_member_day:{day.Id}", detail: name);
        await db.SaveChangesAsync(ct);
        return WriteResult<MemberDayView>.Ok(View(day));
    }

    public async Task<IReadOnlyList<MemberDayView>> ListAsync(CancellationToken ct = default) =>
        (await db.Set<MemberDay>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct)).Select(View).ToList();

    static MemberDayView View(MemberDay d) => new(d.Id, d.Name, d.Weekday, d.DayOfMonth, d.MultiplierPercent, d.Active);
}
