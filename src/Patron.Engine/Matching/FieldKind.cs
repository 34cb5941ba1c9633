namespace Patron.Engine.Matching;

/// <summary>How a field is normalised and compared; see <see cref="FieldComparison"/> for each kind's agreement levels.</summary>
public enum FieldKind
{
    /// <summary>A person's name, given, family or full; Chinese or Latin.</summary>
    Name,
    /// <summary>Short free text such as a street or a suburb: Jaro-Winkler.</summary>
    Text,
    /// <summary>A whole address: character bigram overlap, so reordered or abbreviated parts still agree in part.</summary>
    Address,
    /// <summary>A calendar date as yyyyMMdd (or any text with those 8 digits).</summary>
    Date,
    /// <summary>A code of digits (postcode, house number, ID number): a one-digit slip agrees in part.</summary>
    Digits,
    /// <summary>A mobile number; the same last four or more digits, or a masked number (138****8000), agree in part.</summary>
    Mobile,
    /// <summary>An email address; the same mailbox name at another domain agrees in part.</summary>
    Email,
    /// <summary>Equal or not (state, gender).</summary>
    Exact,
}

/// <summary>
/// A field of the records and its Fellegi-Sunter weights (log2 likelihood ratios): a full agreement adds Agree, a full
/// disagreement adds Disagree (negative), a partial agreement at level a in (0, 1) adds Disagree + (Agree - Disagree) × a,
/// a value missing on either side adds 0. An identifier links records deterministically when the normalised values
/// are equal, whatever the score.
/// </summary>
public sealed record MatchField(string Name, FieldKind Kind, double Agree, double Disagree, bool Identifier = false)
{
    public double Contribution(double level) => Disagree + (Agree - Disagree) * level;
}
