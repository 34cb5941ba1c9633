using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Patron.Platform.ApiKeys;
using Patron.Platform.Audit;
using Patron.Platform.Security;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron apikey create|revoke|list</summary>
static class ApiKeyCommands
{
    /// <summary>Who acted, for the audit log: the operating-system user at the console.</summary>
    static Actor Operator => new(ActorKind.System, "cli", $"cli:{Environment.UserName}");

    public static Command Create(CliContext context) =>
        new("apikey", "API keys for integrations (sent as the X-Api-Key header).") { CreateCommand(context), RevokeCommand(context), ListCommand(context) };

    static Command CreateCommand(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. \"POS Shanghai\".", Required = true };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A permission the key grants (repeat or comma-separate). Default: {string.Join(", ", ApiKeyService.DefaultScopes)}. All: {string.Join(", ", Permissions.All)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var create = new Command("create", "Create a key; it is printed once and only its hash is stored.") { name, scopes };
        create.SetAction((parse, ct) => WithServiceAsync(context, async service =>
        {
            var requested = (parse.GetValue(scopes) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            CreatedApiKey key;
            try { key = await service.CreateAsync(parse.GetValue(name)!, requested, Operator, ct); }
            catch (ArgumentException e) { throw new CliException(e.Message.Split(" (Parameter")[0]); }
            context.Console.MarkupLineInterpolated($"Created API key [bold]{key.Name}[/] with scopes {string.Join(", ", key.Scopes)}.");
            context.Console.MarkupLine("Key (shown once, keep it secret):");
            context.Console.WriteLine(key.Key);
        }, ct));
        return create;
    }

    static Command RevokeCommand(CliContext context)
    {
        var id = new Argument<string>("key") { Description = "The key's id or its prefix (the 8 characters after ptn_)." };
        var revoke = new Command("revoke", "Revoke a key: requests that carry it are refused from now on.") { id };
        revoke.SetAction((parse, ct) => WithServiceAsync(context, async service =>
        {
            var value = parse.GetValue(id)!.Trim();
            if (value.StartsWith("ptn_")) value = value.Split('_')[1];
            if (!await service.RevokeAsync(value, Operator, ct)) throw new CliException($"No live API key matches '{value}'.");
            context.Console.MarkupLineInterpolated($"Revoked API key {value}.");
        }, ct));
        return revoke;
    }

    static Command ListCommand(CliContext context)
    {
        var list = new Command("list", "List keys with their scopes and last use (never the keys themselves).");
        list.SetAction((_, ct) => WithServiceAsync(context, async service =>
        {
            var table = new Table().AddColumns("id", "prefix", "name", "scopes", "created", "last used", "revoked");
            foreach (var k in await service.ListAsync(ct))
                table.AddRow(k.Id.ToString(), k.Prefix, Markup.Escape(k.Name), string.Join(", ", k.Scopes), $"{k.CreatedAt:yyyy-MM-dd HH:mm}Z",
                    k.LastUsedAt is { } u ? $"{u:yyyy-MM-dd HH:mm}Z" : "-", k.RevokedAt is { } r ? $"{r:yyyy-MM-dd HH:mm}Z" : "-");
            context.Console.Write(table);
        }, ct));
        return list;
    }

    static async Task<int> WithServiceAsync(CliContext context, Func<ApiKeyService, Task> action, CancellationToken ct)
    {
        await using var services = context.BuildServices();
        await using var scope = services.CreateAsyncScope();
        await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
        await action(scope.ServiceProvider.GetRequiredService<ApiKeyService>());
        return 0;
    }
}
