using System.ComponentModel.DataAnnotations;

namespace Patron.Platform;

public sealed class PatronOptions
{
    public const string Section = "Patron";

    /// <summary>First owner account; when absent one is created with a generated password printed once.</summary>
    public OwnerOptions Owner { get; set; } = new();

    /// <summary>Seed demo data into an empty database even when it is not the default embedded one.</summary>
    public bool DemoData { get; set; }
}

public sealed class OwnerOptions
{
    [EmailAddress]
    public string Email { get; set; } = "owner@patron.local";

    public string? Password { get; set; }
}
