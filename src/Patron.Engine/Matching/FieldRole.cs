namespace Patron.Engine.Matching;

/// <summary>What a column of customer records holds; <see cref="MatchModel"/> turns roles into fields, weights and keys.</summary>
public enum FieldRole
{
    FullName,
    GivenName,
    Surname,
    Birthday,
    Mobile,
    Email,
    MemberCard,
    /// <summary>A whole address in one column (Chinese addresses are usually written this way).</summary>
    Address,
    StreetNumber,
    /// <summary>One line of a split address (street; building or locality).</summary>
    AddressLine,
    Suburb,
    Postcode,
    State,
    /// <summary>A national or social-security number: scored, not trusted as an identifier (typos happen).</summary>
    NationalId,
    Gender,
}
