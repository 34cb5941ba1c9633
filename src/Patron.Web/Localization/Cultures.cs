namespace Patron.Web.Localization;

public static class Cultures
{
    public const string Default = "zh-CN";
    public const string English = "en";
    public static readonly string[] Supported = [Default, English];
}
