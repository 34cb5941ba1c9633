using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Patron.Platform.Audit;
using Patron.Platform.Security;

namespace Patron.Platform.ApiKeys;

public sealed record CreatedApiKey(Guid Id, string Name, string Key, IReadOnlyList<string> Scopes);

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, string CreatedBy,
    DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>
/// Creates, verifies and revokes API keys. A key reads "ptn_{prefix}_{secret}"; the prefix finds the row and
/// only SHA-256 of the whole key is stored (the secret has 190 bits, so a fast hash is enough, unlike passwords).
/// Creating and revoking are audited in the same transaction as the change.
/// </summary>
public sealed class ApiKeyService(PatronDb db, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DefaultScopes = [Permissions.CustomersView, Permissions.OrdersView, Permissions.CatalogView];

    const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public async Task<CreatedApiKey> CreateAsync(string name, IReadOnlyList<string>? scopes, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An API key needs a name.", nameof(name));
        scopes = scopes is { Count: > 0 } ? scopes.Distinct().ToList() : DefaultScopes;
        var unknown = scopes.Where(s => !Permissions.All.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown scope(s): {string.Join(", ", unknown)}. Scopes: {string.Join(", ", Permissions.All)}.", nameof(scopes));

        var prefix = RandomNumberGenerator.GetString(Alphabet, 8);
        var key = $"ptn_{prefix}_{RandomNumberGenerator.GetString(Alphabet, 32)}";
        var row = new ApiKey
        {
            Id = Ids.New(), Name = name.Trim(), Prefix = prefix, SecretHash = Hash(key), Scopes = scopes.ToList(),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.ApiKeys.Add(row);
        audit.Add(actor, AuditAction.Create, "apikey", detail: $"{row.Name} (ptn_{prefix}): {string.Join(", ", row.Scopes)}");
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(row.Id, row.Name, key, row.Scopes);
    }

    /// <summary>The live key that matches, or null. Compares hashes in constant time.</summary>
    public async Task<ApiKey?> VerifyAsync(string presented, CancellationToken ct = default)
    {
        var parts = presented.Trim().Split('_');
        if (parts is not ["ptn", { Length: 8 } prefix, { Length: 32 }]) return null;
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (row is null || row.RevokedAt is not null) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented.Trim())), Encoding.ASCII.GetBytes(row.SecretHash)))
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        // Recording every use would turn each API read into a write; once a minute is enough to see that a key is alive.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return row;
    }

    /// <summary>Revokes by id or by prefix; returns false when no live key matches.</summary>
    public async Task<bool> RevokeAsync(string idOrPrefix, Actor actor, CancellationToken ct = default)
    {
        var row = Guid.TryParse(idOrPrefix, out var id)
            ? await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct)
            : await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == idOrPrefix, ct);
        if (row is null || row.RevokedAt is not null) return false;
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(actor, AuditAction.Delete, "apikey", detail: $"{row.Name} (ptn_{row.Prefix})");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<ApiKeyView>> ListAsync(CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt))
            .ToListAsync(ct);

    static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
