using Microsoft.Extensions.DependencyInjection;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Ingestion.Import;

namespace Patron.Ingestion;

public static class IngestionModule
{
    public static IServiceCollection AddIngestion(this IServiceCollection services) => services
        .AddScoped<CustomerImportWriter>()
        .AddScoped<OrderImportWriter>()
        .AddScoped<EventImportWriter>()
        .AddScoped<OrderKeys>()
        .AddScoped<CustomerKeys>()
        .AddScoped<Batches.IngestBatchHandler>()
        .AddScoped<Batches.IngestRefundsHandler>()
        .AddScoped<SourceMappings>()
        .AddScoped<Quarantine>()
        .AddScoped<RunImportHandler>()
        .AddScoped<PreviewImportHandler>()
        .AddScoped<ExportQuarantineHandler>()
        .AddScoped<ListImportJobsHandler>();

    /// <summary>The background runner of uploaded files' imports: web host only (the CLI runs its imports in the foreground).</summary>
    public static IServiceCollection AddImportQueue(this IServiceCollection services) => services
        .AddSingleton<ImportQueue>()
        .AddHostedService(sp => sp.GetRequiredService<ImportQueue>());
}
