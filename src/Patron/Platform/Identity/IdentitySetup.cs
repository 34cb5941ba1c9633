using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Patron.Platform.Identity;

public static class IdentitySetup
{
    public const int MaxFailedSignIns = 5;

    /// <summary>Identity without UI or cookies: the CLI uses this as is, the web host adds sign-in on top.</summary>
    public static IdentityBuilder AddPatronIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<PatronUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PatronDb>()
            .AddDefaultTokenProviders();
}
