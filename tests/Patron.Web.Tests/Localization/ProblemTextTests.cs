using System.Globalization;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import;
using Patron.Ingestion.Import.Mapping;
using Patron.Ingestion.Import.Reading;
using Patron.Web.Components.Pages.Ingestion;
using Patron.Web.Localization;

namespace Patron.Web.Tests.Localization;

/// <summary>
/// Every problem code, raised the way an import raises it (the cleaners on real cells; the writers' and the API's own
/// problems through the factories they call), rendered in both languages of the import page.
/// </summary>
public sealed class ProblemTextTests
{
    static readonly Text T = new();
    static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN"), En = CultureInfo.GetCultureInfo("en");
    static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_code_is_raised_by_a_sample_and_renders_in_chinese_and_in_english_with_its_arguments()
    {
        var samples = Samples();
        Assert.Equal(Enum.GetValues<ProblemCode>().Order(), samples.Keys.Order());
        foreach (var (code, problem) in samples)
        {
            Assert.Equal(code, problem.Code);
            Assert.True(T.Contains(ProblemText.Key(code)), $"{code} has no text in problems.json");
            var zh = ProblemText.Render(T, problem, Zh);
            var en = ProblemText.Render(T, problem, En);
            Assert.DoesNotContain("{", zh);
            Assert.Contains(zh, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.NotEqual(problem.Text, zh);
            foreach (var value in problem.Args.Values.Append(problem.Value).Where(v => !string.IsNullOrEmpty(v)))
                Assert.True(zh.Contains(value!, StringComparison.Ordinal), $"{code}: '{value}' is missing from {zh}");
            // The English page shows the sentence the quarantine stores, word for word.
            Assert.Equal(problem.Text, en);
        }
    }

    [Fact]
    public void A_bad_mobile_reads_in_chinese_with_the_field_named_as_the_mapping_editor_names_it()
    {
        var problem = Clean(ImportKind.Customers, ("mobile", "12345"), ("name", "赵六")).Problems.Single();

        Assert.Equal(ProblemCode.PhoneInvalid, problem.Code);
        Assert.Equal(("mobile", "12345", "5"), (problem.Field, problem.Value, problem.Args["digits"]));
        Assert.StartsWith("手机“12345”：不是有效的电话号码（5 位）", ProblemText.Render(T, problem, Zh));
        Assert.StartsWith("mobile '12345': Not a valid phone number (5 digits)", ProblemText.Render(T, problem, En));
    }

    [Fact]
    public void A_code_without_a_text_shows_the_english_sentence()
    {
        var problem = RowProblem.NoAmount();
        var empty = new Text(new Dictionary<string, (string Zh, string En)>());

        Assert.Equal(problem.Text, ProblemText.Render(empty, problem, Zh));
    }

    static Dictionary<ProblemCode, RowProblem> Samples()
    {
        var all = new List<RowProblem>();
        void Customer(params (string Field, string Cell)[] cells)
        {
            var row = Clean(ImportKind.Customers, cells);
            all.AddRange(row.Problems);
            all.AddRange(row.Notes);
        }
        void Order(params (string Field, string Cell)[] cells) => all.AddRange(Clean(ImportKind.Orders, [.. Line, .. cells]).Problems);

        Customer(("name", "王五"));
        Customer(("mobile", "13800138000"));
        Customer(("mobile", "13800138000"), ("name", new string('张', 101)));
        Customer(("mobile", "13800138000"), ("name", "张\u0001三"));
        Customer(("mobile", "13800138000"), ("name", "先生"));
        Customer(("mobile", "13800138000"), ("name", "123"));
        Customer(("mobile", "13800138000"), ("name", "无先生"));
        foreach (var phone in new[] { "abc", "12", "13800138000123456", "12345", "400-810-8888", "010-12345678" })
            Customer(("mobile", phone), ("name", "王五"));
        // libphonenumber refuses an unknown country code while parsing ("+999 1234" is not a number): from Normalise's answer.
        all.Add(RowProblem.Phone("mobile", "+999 1234",
            Patron.Customers.Contracts.NormalisedPhone.Fail(Patron.Customers.Contracts.NormaliseError.PhoneCountryCode, "Unknown country calling code.")));
        Customer(("name", "王五"), ("email", "not-an-email"), ("memberCard", "VIP*42"));
        Customer(("name", "王五"), ("memberCard", new string('8', 33)));
        Customer(("name", "王五"), ("buyerId", new string('b', 200)));
        Customer(("name", "王五"), ("mobile", "13800138000"), ("gender", "2"));
        Customer(("name", "王五"), ("mobile", "13800138000"), ("gender", "x"));
        foreach (var birthday in new[] { "yesterday", "1990", "03/04/1990", "0000-01-01", "1990-13-01", "1990-02-30", "0", "60" })
            Customer(("name", "王五"), ("mobile", "13800138000"), ("birthday", birthday));
        var dayFirst = new ColumnMapping(ImportKind.Customers, new() { ["mobile"] = "mobile", ["birthday"] = "birthday" }, DateFormat: "dd/MM/yyyy");
        all.AddRange(Clean(dayFirst, ("mobile", "13800138000"), ("birthday", "1990-03-04")).Problems);

        Order(("placedAt", ""));
        Order(("placedAt", "2099-01-01 00:00:00"));
        Order(("placedAt", "1999-01-01 00:00:00"));
        Order(("orderId", ""), ("sku", new string('s', 33)), ("productName", ""));
        Order(("sku", ""), ("productName", ""));
        Order(("quantity", "1.5"));
        Order(("quantity", "0"));
        Order(("unitPrice", "abc"), ("lineAmount", "123456789012345678901"), ("orderPaid", "1.234"));
        Order(("unitPrice", "-5"));
        Patron.Ingestion.Import.LocalTime.ToUtcOrProblem(" ", 8, null, out var noTime);
        all.Add(noTime!.In("placedAt"));

        var events = new ColumnMapping(ImportKind.Events, new() { ["mobile"] = "mobile", ["eventType"] = "eventType", ["eventAt"] = "eventAt" });
        var eventHeaders = new[] { "mobile", "eventType", "eventAt" };
        var eventCleaner = new EventRowCleaner(events, events.Resolve(eventHeaders).Index, "app", Now, new Dictionary<string, Guid>());
        all.AddRange(eventCleaner.Clean(new SourceRow(1, ["13800138000", "跳舞", "2024-03-05 10:00:00"])).Row.Problems);

        // Raised by the writers and the ingest API, which need a database: through the factories they call.
        all.AddRange([
            RowProblem.NoAmount(), RowProblem.OrderRejectedWhole("T1006", 4), RowProblem.LateOrderRow("T1007"),
            RowProblem.UnknownCustomer("Mobile +8613700137000"), RowProblem.ExternalIdRequired(), RowProblem.ItemRepeated(2),
            RowProblem.RefundOrderIdRequired(), RowProblem.RefundRefused("amount: Only 600 is left to refund."),
        ]);
        return all.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First());
    }

    static readonly (string Field, string Cell)[] Line =
    [
        ("orderId", "T1"), ("placedAt", "2024-03-05 14:23:11"), ("mobile", "13800138000"), ("sku", "A1"), ("productName", "苹果"),
        ("quantity", "1"), ("unitPrice", "5.00"), ("lineAmount", "5.00"), ("orderPaid", "5.00"),
    ];

    /// <summary>One row with the given cells, the later of two cells for a field winning; every field given is mapped.</summary>
    static CleanRow Clean(ImportKind kind, params (string Field, string Cell)[] cells) =>
        Clean(new ColumnMapping(kind, cells.Select(c => c.Field).Distinct().ToDictionary(f => f, f => f)), cells);

    static CleanRow Clean(ColumnMapping mapping, params (string Field, string Cell)[] cells)
    {
        var byField = new Dictionary<string, string>();
        foreach (var (field, cell) in cells) byField[field] = cell;
        var headers = byField.Keys.ToArray();
        return new RowCleaner(mapping, mapping.Resolve(headers).Index, "shop", Now).Clean(new SourceRow(1, [.. byField.Values]));
    }
}
