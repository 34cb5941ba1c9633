using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Patron.Platform.Identity;

static class IdentityTables
{
    public static void Rename(ModelBuilder b)
    {
        b.Entity<PatronUser>().ToTable("identity_users");
        b.Entity<IdentityRole<Guid>>().ToTable("identity_roles");
        b.Entity<IdentityUserRole<Guid>>().ToTable("identity_user_roles");
        b.Entity<IdentityUserClaim<Guid>>().ToTable("identity_user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("identity_user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("identity_user_tokens");
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("identity_role_claims");
    }
}
