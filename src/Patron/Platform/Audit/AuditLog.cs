namespace Patron.Platform.Audit;

/// <summary>Adds audit entries to the unit of work; they are saved with the change they describe.</summary>
public sealed class AuditLog(PatronDb db, TimeProvider clock)
{
    public void Add(Actor actor, AuditAction action, string subject, Guid? customerId = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Ids.New(),
            At = clock.GetUtcNow().UtcDateTime,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            Subject = subject,
            CustomerId = customerId,
            Detail = detail,
            IpAddress = actor.IpAddress,
        });

    public async Task RecordAsync(Actor actor, AuditAction action, string subject, Guid? customerId = null, string? detail = null, CancellationToken ct = default)
    {
        Add(actor, action, subject, customerId, detail);
        await db.SaveChangesAsync(ct);
    }
}
