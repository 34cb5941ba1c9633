using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patron.Web.Tests.Browser;

/// <summary>
/// An app and database of its own (not the shared browser collection's): the import adds customers and orders,
/// which would change the counts the other flows check.
/// </summary>
public sealed class ImportPageTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_owner_uploads_a_messy_gbk_file_sees_the_bad_mobile_in_the_preview_runs_it_and_downloads_the_quarantine(string culture)
    {
        // Both languages share this class's database: order ids and the source differ per language, so each imports its own rows.
        var tag = culture[..2].ToUpperInvariant();
        var csv = "订单编号;联系手机;收货人姓名;订单付款时间;实付金额;商品名称;数量\r\n" +
            $"{tag}-1;138 0013 8000;王小明先生;2024-03-05 14:23:11;¥25.80;有机苹果;2\r\n" +
            $"{tag}-2;12345;赵六;2024/3/6 9:05;9.90;鸡蛋;1\r\n" +
            $"{tag}-3;+86-139-0013-9{(tag == "ZH" ? "001" : "002")};李丽;2024年3月7日 10:00;1,234.50元;进口牛奶;1\r\n";
        var folder = Directory.CreateTempSubdirectory("patron-upload-test-").FullName;
        var file = Path.Combine(folder, $"orders-{tag}.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(file, Encoding.GetEncoding("GB18030").GetBytes(csv), TestContext.Current.CancellationToken);

        var page = await OpenAsync(culture);
        await SignInAsync(page, PatronApp.OwnerEmail);
        await Expect(page.GetByTestId("kpi-customers")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Say("NavImport", culture) }).ClickAsync();
        await Expect(page.GetByTestId("import-jobs")).ToBeVisibleAsync();

        await Input(page, "import-source").FillAsync($"web-{tag}");
        await Input(page, "import-source").PressAsync("Tab");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);

        await Expect(page.GetByTestId("import-uploaded")).ToContainTextAsync($"orders-{tag}.csv");
        var preview = page.GetByTestId("import-preview");
        await Expect(preview.GetByTestId("preview-ok")).ToHaveCountAsync(2);
        await Expect(preview.GetByTestId("preview-rejected")).ToHaveCountAsync(1);
        // The problem in the page's language: Chinese names the field as the mapping does; English is the sentence the quarantine keeps.
        var badMobile = culture == "zh-CN" ? "手机“12345”：不是有效的电话号码（5 位）" : "mobile '12345': Not a valid phone number (5 digits)";
        await Expect(preview.GetByTestId("preview-rejected")).ToContainTextAsync(badMobile);
        await Expect(preview.GetByTestId("preview-problem")).ToHaveAttributeAsync("data-code", "PhoneInvalid");
        await Expect(preview).ToContainTextAsync("+8613800138000");
        await Expect(preview).ToContainTextAsync("1234.50");
        await Expect(Input(page, "map-联系手机")).ToHaveValueAsync(Say("TargetField.Mobile", culture));
        // Times as the operator's local time (China by default), as the file had them, not UTC.
        await Expect(preview).ToContainTextAsync("2024-03-05 14:23:11");
        await Expect(preview).Not.ToContainTextAsync("06:23:11Z");
        await Expect(Input(page, "import-preset")).ToHaveValueAsync(Say("ImportPresetNone", culture));
        await ScreenshotAsync(page, "import-preview", culture);

        await page.GetByTestId("import-run").ClickAsync();
        await Expect(page.GetByTestId("import-report")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-read")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("report-rejected")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("report-orders-created")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("report-rejected-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("report-rejected-row")).ToContainTextAsync(badMobile);
        await Expect(page.GetByTestId("report-rejected-row")).ToContainTextAsync(culture == "zh-CN" ? "第 2 行" : "Row 2");
        await Expect(page.GetByTestId("import-jobs")).ToContainTextAsync($"orders-{tag}.csv");
        await ScreenshotAsync(page, "import-report", culture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-download-quarantine").ClickAsync());
        var saved = Path.Combine(folder, "rejected.csv");
        await download.SaveAsAsync(saved);
        var lines = await File.ReadAllLinesAsync(saved, TestContext.Current.CancellationToken);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("patron_reasons", lines[0]);
        Assert.StartsWith($"{tag}-2,12345,赵六", lines[1]);
        Assert.Contains("mobile '12345'", lines[1]);
        Directory.Delete(folder, true);
    }
}
