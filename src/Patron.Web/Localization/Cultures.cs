using System.Globalization;

namespace Patron.Web.Localization;

public static class Cultures
{
    public const string Default = "zh-CN";
    public const string English = "en";
    public static readonly string[] Supported = [Default, English];

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
