using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Patron.Web.Components.Shared;
using Patron.Web.Localization;

namespace Patron.Web.Tests.Ui;

public sealed class DisplayTests : BunitContext
{
    public DisplayTests() => Services.AddSingleton(new Text());

    [Theory]
    [InlineData(123450L, "¥1,234.50")]
    [InlineData(5L, "¥0.05")]
    [InlineData(0L, "¥0.00")]
    [InlineData(-1999L, "-¥19.99")]
    [InlineData(123456789012L, "¥1,234,567,890.12")]
    public void Money_is_shown_in_yuan_from_fen(long fen, string shown)
    {
        Assert.Equal(shown, Display.Money(fen));
        Assert.Equal(shown, Render<Money>(p => p.Add(m => m.Fen, fen)).Find(".money").TextContent);
    }

    [Theory]
    [InlineData("138****1234", "138****1234")]      // masked by the handler: shown as it came
    [InlineData("+8613812341234", "138 1234 1234")] // revealed: spaced 3-4-4
    [InlineData("+85261234567", "+85261234567")]    // not a mainland mobile: left alone
    [InlineData(null, "—")]
    public void A_mobile_is_shown_masked_or_spaced(string? value, string shown)
    {
        var cut = Render<MobileNumber>(p => p.Add(m => m.Value, value));

        Assert.Equal(shown, cut.Find("[data-testid=mobile]").TextContent);
    }
}
