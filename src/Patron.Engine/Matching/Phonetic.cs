namespace Patron.Engine.Matching;

/// <summary>American Soundex (Russell and Odell; the US National Archives rules for H and W).</summary>
public static class Phonetic
{
    //                              abcdefghijklmnopqrstuvwxyz
    const string Codes = "01230120022455012623010202";

    /// <summary>A letter and three digits (Robert and Rupert: R163), or empty when the value has no Latin letter.</summary>
    public static string Soundex(string value)
    {
        Span<char> code = stackalloc char[4];
        var n = 0;
        var last = '\0';
        foreach (var raw in value)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is < 'a' or > 'z') continue;
            var digit = Codes[c - 'a'];
            if (n == 0)
            {
                code[n++] = char.ToUpperInvariant(c);
                last = digit;
                continue;
            }
            // H and W do not separate equal codes; vowels do.
            if (c is 'h' or 'w') continue;
            if (digit != '0' && digit != last) code[n++] = digit;
            last = digit;
            if (n == 4) break;
        }
        if (n == 0) return "";
        while (n < 4) code[n++] = '0';
        return new string(code);
    }
}
