using MudBlazor;

namespace Patron.Web.Components.Layout;

static class PatronTheme
{
    // Noto Sans CJK first so Chinese renders with one consistent face; Latin falls back to the system sans.
    static readonly string[] Fonts = ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Roboto", "Helvetica", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#2e7d32", Secondary = "#f57c00", AppbarBackground = "#2e7d32" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };
}
