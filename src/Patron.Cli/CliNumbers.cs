using System.CommandLine.Parsing;
using System.Globalization;

namespace Patron.Cli;

/// <summary>
/// Decimal options are read with a dot whatever the machine's culture: System.CommandLine parses doubles in the
/// current culture, so on a de-DE machine `--min-support 0.25` would become 25.
/// </summary>
static class CliNumbers
{
    public static double Invariant(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        result.AddError($"Cannot parse argument '{token}' for option '{((OptionResult)result.Parent!).Option.Name}' as a number (use a dot for decimals).");
        return 0;
    }
}
