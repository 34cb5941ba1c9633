using Microsoft.AspNetCore.Identity;

namespace Patron.Platform.Identity;

public sealed class PatronUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
