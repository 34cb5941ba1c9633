using System.Globalization;
using Patron.Web.Components.Pages.Loyalty;
using Patron.Web.Localization;

namespace Patron.Web.Tests.Localization;

public sealed class LoyaltyErrorTextTests
{
    static readonly Text T = new();

    [Fact]
    public void A_known_handler_message_is_shown_in_chinese_with_its_numbers_and_an_unknown_one_as_written()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal("该会员只有 12 积分，扣减 30 会透支。",
                LoyaltyErrorText.Message(T, "The customer holds only 12 points; a debit of 30 would overdraw."));
            Assert.Equal("此模板的 500 张券已全部发完。", LoyaltyErrorText.Message(T, "All 500 coupons of this template have been issued."));
            Assert.Equal("原因", LoyaltyErrorText.Field(T, "reason"));
            Assert.Equal("Something new.", LoyaltyErrorText.Message(T, "Something new."));
            Assert.Equal("lines[0].amount", LoyaltyErrorText.Field(T, "lines[0].amount"));

            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("The customer holds only 12 points; a debit of 30 would overdraw.",
                LoyaltyErrorText.Message(T, "The customer holds only 12 points; a debit of 30 would overdraw."));
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
    }
}
