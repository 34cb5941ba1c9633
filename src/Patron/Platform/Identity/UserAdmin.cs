using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Patron.Platform.Security;

namespace Patron.Platform.Identity;

public sealed record NewUser(string Email, string Role, string? Password = null, string? DisplayName = null);

/// <summary>The result of creating a user; GeneratedPassword is set only when Patron chose the password.</summary>
public sealed record CreatedUser(Guid Id, string Email, string Role, string? GeneratedPassword);

/// <summary>Creates users and the roles they belong to; used by start-up (the first owner), the CLI and the UI.</summary>
public sealed class UserAdmin(UserManager<PatronUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Ids.New() }), $"role {role}");
    }

    public async Task<CreatedUser> CreateAsync(NewUser request)
    {
        if (!Roles.All.Contains(request.Role))
            throw new UserAdminException($"Unknown role '{request.Role}'. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync();
        var generated = request.Password is null ? GeneratePassword() : null;
        var user = new PatronUser
        {
            Id = Ids.New(),
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName ?? request.Email.Split('@')[0],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, request.Password ?? generated!), request.Email);
        Check(await users.AddToRoleAsync(user, request.Role), request.Email);
        return new CreatedUser(user.Id, request.Email, request.Role, generated);
    }

    /// <summary>Creates the first owner when nobody can sign in yet; returns null when users exist already.</summary>
    public async Task<CreatedUser?> EnsureOwnerAsync(OwnerOptions owner)
    {
        await EnsureRolesAsync();
        if (await users.Users.AnyAsync()) return null;
        return await CreateAsync(new NewUser(owner.Email, Roles.Owner, owner.Password, "Owner"));
    }

    /// <summary>20 characters, 17 random from an alphabet without look-alikes (about 98 bits); the fixed ones satisfy the password rules.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Pa" + RandomNumberGenerator.GetString(alphabet, 17) + "9";
    }

    static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new UserAdminException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

public sealed class UserAdminException(string message) : Exception(message);
