using System.Text.RegularExpressions;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;
using Patron.Platform.Audit;
using Patron.Platform.Security;
using Patron.Web.Localization;
using Patron.Web.Tests.Browser;

namespace Patron.Web.Tests.Localization;

public sealed partial class StringKeysTests
{
    static readonly Text Strings = new();

    [GeneratedRegex("""\bT\[\s*"(?<key>[^"]+)"\s*[,\]]""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_key_the_web_sources_use_is_in_a_strings_file()
    {
        var web = Path.Combine(BrowserTest.RepositoryRoot(), "src", "Patron.Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetRelativePath(web, f))))
            .ToList();

        var missing = used.Where(u => !Strings.Contains(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().Order().ToList();

        Assert.NotEmpty(used);
        Assert.True(missing.Count == 0, "Keys used but not in Localization/Strings/*.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_value_of_a_displayed_enum_has_a_name_in_both_languages()
    {
        var missing = new[]
            {
                typeof(Gender), typeof(IdentifierKind), typeof(ContactChannel), typeof(SignUpChannel), typeof(SalesChannel), typeof(EventKind),
                typeof(OrderStatus), typeof(PaymentMethod), typeof(AuditAction), typeof(ActorKind),
            }
            .SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}"))
            .Concat(Permissions.All.Select(p => $"Scope.{p}"))
            .Where(k => !Strings.Contains(k))
            .ToList();

        Assert.True(missing.Count == 0, "Missing names in enums.json / apikeys.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_enum_helper_reads_the_enums_file()
    {
        Assert.Equal("OrderStatus.PartlyRefunded", Display.EnumKey(OrderStatus.PartlyRefunded));
        Assert.Equal("部分退款", Strings.Get(Display.EnumKey(OrderStatus.PartlyRefunded), new System.Globalization.CultureInfo("zh-CN")));
    }
}
