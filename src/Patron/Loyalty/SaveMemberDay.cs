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
        if (Validate(request, out var name) is { } errors) return WriteResult<MemberDayView>.Invalid(errors);
        var day = new MemberDay { Id = Ids.New() };
        Apply(day, request, name);
        db.Add(day);
        audit.Add(actor, AuditAction.Create, $"loyalty_member_day:{day.Id}", detail: name);
        await db.SaveChangesAsync(ct);
        return WriteResult<MemberDayView>.Ok(View(day));
    }

    /// <summary>Changes a member day in place, or switches it off (<c>Active = false</c>): orders already earned keep their points.</summary>
    public async Task<WriteResult<MemberDayView>> UpdateAsync(Guid id, SaveMemberDay request, Actor actor, CancellationToken ct = default)
    {
        if (Validate(request, out var name) is { } errors) return WriteResult<MemberDayView>.Invalid(errors);
        var day = await db.Set<MemberDay>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null) return WriteResult<MemberDayView>.Missing();
        var before = Describe(day);
        Apply(day, request, name);
        audit.Add(actor, AuditAction.Update, $"loyalty_member_day:{day.Id}", detail: $"{before} → {Describe(day)}");
        await db.SaveChangesAsync(ct);
        return WriteResult<MemberDayView>.Ok(View(day));
    }

    static ValidationErrors? Validate(SaveMemberDay request, out string name)
    {
        var errors = new ValidationErrors();
        name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors.Add("name", "Required, at most 100 characters.");
        if ((request.Weekday is null) == (request.DayOfMonth is null)) errors.Add("weekday", "Give a weekday or a day of the month, not both.");
        if (request.Weekday is { } w && !Enum.IsDefined(w)) errors.Add("weekday", "Not a weekday.");
        if (request.DayOfMonth is < 1 or > 31) errors.Add("dayOfMonth", "Between 1 and 31.");
        if (request.MultiplierPercent is < 100 or > 10_000) errors.Add("multiplierPercent", "Between 100 (×1) and 10000 (×100).");
        return errors.Any ? errors : null;
    }

    static void Apply(MemberDay day, SaveMemberDay request, string name) =>
        (day.Name, day.Weekday, day.DayOfMonth, day.MultiplierPercent, day.Active) =
        (name, request.Weekday, request.DayOfMonth, request.MultiplierPercent, request.Active);

    static string Describe(MemberDay d) =>
        $"{d.Name}: {(d.Weekday is { } w ? w.ToString() : $"day {d.DayOfMonth}")} ×{d.MultiplierPercent / 100.0:0.##}{(d.Active ? "" : " (off)")}";

    public async Task<IReadOnlyList<MemberDayView>> ListAsync(CancellationToken ct = default) =>
        (await db.Set<MemberDay>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct)).Select(View).ToList();

    static MemberDayView View(MemberDay d) => new(d.Id, d.Name, d.Weekday, d.DayOfMonth, d.MultiplierPercent, d.Active);
}
