using System.Globalization;
using System.Text.RegularExpressions;
using Patron.Ingestion.Cleaning;
using Patron.Ingestion.Import.Mapping;
using Patron.Web.Localization;

namespace Patron.Web.Components.Pages.Ingestion;

/// <summary>
/// A row problem in the reader's language: the text of its code (Localization/Strings/problems.json) with the field,
/// the value and the named arguments put in. English keeps the field's key (mobile, placedAt), as the quarantine file,
/// the CLI and the API write it, so an English page shows the very sentence the quarantine stores; Chinese names the
/// field as the mapping editor does (手机, 下单/付款时间). A code without a text shows the English sentence, never a key.
/// </summary>
public static partial class ProblemText
{
    public static string Key(ProblemCode code) => $"Problem.{code}";

    public static string Render(Text t, RowProblem problem) => Render(t, problem, CultureInfo.CurrentUICulture);

    public static string Render(Text t, RowProblem problem, CultureInfo culture)
    {
        var key = Key(problem.Code);
        if (!t.Contains(key)) return problem.Text;
        return Placeholder().Replace(t.Get(key, culture), m => Argument(t, problem, m.Groups["name"].Value, culture) ?? m.Value);
    }

    static string? Argument(Text t, RowProblem problem, string name, CultureInfo culture) => name switch
    {
        "field" => Field(t, problem.Field, culture),
        "value" => problem.Value ?? "",
        _ => problem.Args.GetValueOrDefault(name),
    };

    static string Field(Text t, string? field, CultureInfo culture) =>
        field is not null && culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
        && Enum.TryParse<TargetField>(field, ignoreCase: true, out var target) && TargetFields.Key(target) == field
            ? t.Get(Display.EnumKey(target), culture)
            : field ?? "";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
