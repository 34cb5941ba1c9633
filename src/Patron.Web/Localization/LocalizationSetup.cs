using Microsoft.AspNetCore.Localization;

namespace Patron.Web.Localization;

static class LocalizationSetup
{
    public static IServiceCollection AddPatronLocalization(this IServiceCollection services)
    {
        services.AddSingleton<Text>();
        services.AddSingleton<LocalTime>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Default).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            // zh-CN unless the user chose otherwise (cookie set by /culture); the browser's language is not consulted.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }
}
