using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Patron.Customers.Merging;
using Patron.Platform;
using Patron.Platform.Identity;

namespace Patron.Web.Hosting;

static class DatabaseStartup
{
    /// <summary>
    /// Migrates the database, creates the first owner and, on the default embedded database (or when
    /// Patron:DemoData is set), fills an empty database with demo data. Never seeds a configured PostgreSQL unasked.
    /// Switches the matching of new customers on (<see cref="MatchNewCustomersPassHandler.StartAsync"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (IsBuildTimeDocumentGeneration) return;
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var dbOptions = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var patron = sp.GetRequiredService<IOptions<PatronOptions>>().Value;
        var db = sp.GetRequiredService<PatronDb>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Patron.Startup");

        log.LogInformation("Database: {Provider}", dbOptions.Provider);
        await db.Database.MigrateAsync();

        if ((dbOptions.IsDefaultEmbedded || patron.DemoData) && !await db.Customers.AnyAsync())
            await DemoDataSeeding.SeedAsync(sp, log);
        // Before anything is served: on the first start ever, the customers there now are left to a batch run, not matched.
        await sp.GetRequiredService<MatchNewCustomersPassHandler>().StartAsync();

        var owner = await sp.GetRequiredService<UserAdmin>().EnsureOwnerAsync(patron.Owner);
        if (owner is not null)
            app.Lifetime.ApplicationStarted.Register(() => PrintSignIn(app, owner));
    }

    /// <summary>The build starts the app only to read its OpenAPI document (docs/api); it must not touch a database.</summary>
    static bool IsBuildTimeDocumentGeneration =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    static void PrintSignIn(WebApplication app, CreatedUser owner)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"  Patron is ready: open {url}/account/login");
        Console.WriteLine($"  Sign in as {owner.Email}");
        Console.WriteLine(owner.GeneratedPassword is null
            ? "  with the password from Patron:Owner:Password."
            : $"  with the password {owner.GeneratedPassword}  (shown once; set Patron:Owner:Password to choose your own)");
        Console.WriteLine();
    }
}
