using System.Text;

namespace Patron.Engine.Matching;

/// <summary>
/// NFKC (full-width Ｊｏｈｎ → John, ① → 1) without the trip to ICU for text it cannot change: ASCII and the CJK
/// Unified Ideographs (U+4E00–U+9FFF) have no compatibility decompositions and no combining marks, and names and
/// addresses are almost always made of them alone. ICU's check and normalisation were the largest single cost of
/// cleaning a Chinese name and of preparing records for matching.
/// </summary>
public static class Nfkc
{
    public static string Of(string s)
    {
        foreach (var c in s)
            if (c > '\u007f' && c is < '\u4e00' or > '\u9fff')
                return s.Normalize(NormalizationForm.FormKC);
        return s;
    }
}
