using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Patron.Platform;
using Patron.Platform.Identity;
using Patron.Platform.Security;
using Spectre.Console;

namespace Patron.Cli.Commands;

/// <summary>patron users add</summary>
static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "Sign-in e-mail address.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var password = new Option<string?>("--password") { Description = "Omit to have one generated and printed once." };
        var add = new Command("add", "Create a user who can sign in to the web app.") { email, role, password };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = context.BuildServices();
            await using var scope = services.CreateAsyncScope();
            await CliContext.RequireMigratedAsync(scope.ServiceProvider.GetRequiredService<PatronDb>(), ct);
            var requested = parse.GetValue(role)!;
            // Roles are matched ignoring case on the command line; UserAdmin names the valid ones when none matches.
            var canonical = Roles.All.FirstOrDefault(r => string.Equals(r, requested, StringComparison.OrdinalIgnoreCase)) ?? requested;
            var user = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
                .CreateAsync(new NewUser(parse.GetValue(email)!.Trim(), canonical, parse.GetValue(password)));
            context.Console.MarkupLineInterpolated($"Created [bold]{user.Email}[/] with role [bold]{user.Role}[/].");
            if (user.GeneratedPassword is not null)
                context.Console.MarkupLineInterpolated($"Password (shown once): [bold yellow]{user.GeneratedPassword}[/]");
            return 0;
        });
        return new Command("users", "User accounts.") { add };
    }
}
