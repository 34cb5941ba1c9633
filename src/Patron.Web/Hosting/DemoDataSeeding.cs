namespace Patron.Web.Hosting;

/// <summary>First start on an empty embedded database: fill it with the demo chain.</summary>
static class DemoDataSeeding
{
    public static Task SeedAsync(IServiceProvider services, ILogger log)
    {
        // Filled in by the demo-data generator (src/Patron/DemoData).
        log.LogInformation("Demo data generator not available yet.");
        return Task.CompletedTask;
    }
}
