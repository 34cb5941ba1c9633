using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Patron.Web.Localization;

/// <summary>
/// MudBlazor's own strings (pager, loading, close buttons…) from our strings files (mudblazor.json, keyed by
/// MudBlazor's resource names); a key we do not translate falls back to MudBlazor's English.
/// </summary>
sealed class MudStrings(Text text) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        text.Contains(key) ? new LocalizedString(key, text[key]) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        text.Contains(key) ? new LocalizedString(key, text[key, arguments]) : new LocalizedString(key, key, resourceNotFound: true);
}
