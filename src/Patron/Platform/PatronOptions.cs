using System.ComponentModel.DataAnnotations;

namespace Patron.Platform;

public sealed class PatronOptions : IValidatableObject
{
    public const string Section = "Patron";

    /// <summary>First owner account; when absent one is created with a generated password printed once.</summary>
    public OwnerOptions Owner { get; set; } = new();

    /// <summary>Seed demo data into an empty database even when it is not the default embedded one.</summary>
    public bool DemoData { get; set; }

    /// <summary>IANA id of the zone people read times in; it also decides where a business day starts (dashboard days).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo FindZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Patron:TimeZone '{TimeZone}' is not a known time zone (e.g. Asia/Shanghai).", [nameof(TimeZone)]);
    }
}

public sealed class OwnerOptions
{
    [EmailAddress]
    public string Email { get; set; } = "owner@patron.local";

    public string? Password { get; set; }
}
