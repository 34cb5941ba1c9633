using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using Patron.Web.Localization;

namespace Patron.Web.Components;

static class UiSetup
{
    public static IServiceCollection AddPatronUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // MudBlazor's own strings (pager, loading…) in the user's language; replaces its English-only default.
        services.Replace(ServiceDescriptor.Transient<MudLocalizer, MudStrings>());
        services.AddSingleton<Shared.Handlers>();
        return services;
    }

    public static void MapPatronUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
