using MudBlazor.Services;

namespace Patron.Web.Components;

static class UiSetup
{
    public static IServiceCollection AddPatronUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static void MapPatronUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
