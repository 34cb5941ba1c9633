using Patron.Customers.Contracts;
using Patron.Ingestion.Cleaning;

namespace Patron.Tests.Ingestion.Cleaning;

public sealed class GenderCleaningTests
{
    [Theory]
    [InlineData("男", Gender.Male)]
    [InlineData("男性", Gender.Male)]
    [InlineData("M", Gender.Male)]
    [InlineData("m", Gender.Male)]
    [InlineData(" Male ", Gender.Male)]
    [InlineData("MALE", Gender.Male)]
    [InlineData("先生", Gender.Male)]
    [InlineData("1", Gender.Male)]
    [InlineData("１", Gender.Male)]
    [InlineData("女", Gender.Female)]
    [InlineData("女性", Gender.Female)]
    [InlineData("F", Gender.Female)]
    [InlineData("female", Gender.Female)]
    [InlineData("女士", Gender.Female)]
    [InlineData("0", Gender.Female)]
    [InlineData("未知", Gender.Unknown)]
    [InlineData("unknown", Gender.Unknown)]
    [InlineData("保密", Gender.Unknown)]
    [InlineData("空", Gender.Unknown)]
    [InlineData("", Gender.Unknown)]
    [InlineData(null, Gender.Unknown)]
    public void Words_and_codes_map_to_a_gender(string? raw, Gender expected)
    {
        var gender = GenderCleaning.Parse(raw);
        Assert.Null(gender.Error);
        Assert.Equal(expected, gender.Value);
    }

    [Theory]
    [InlineData("0", Gender.Unknown)]
    [InlineData("1", Gender.Male)]
    [InlineData("2", Gender.Female)]
    [InlineData("9", Gender.Unknown)]
    [InlineData("女", Gender.Female)]
    public void The_national_standard_codes_read_0_as_unknown_and_2_as_female(string raw, Gender expected) =>
        Assert.Equal(expected, GenderCleaning.Parse(raw, GenderCodes.GbT2261).Value);

    [Theory]
    [InlineData("2", "GB/T 2261.1")]
    [InlineData("x", "not a gender")]
    [InlineData("男女", "not a gender")]
    public void Unrecognised_values_are_refused_with_a_reason(string raw, string reason)
    {
        var gender = GenderCleaning.Parse(raw);
        Assert.False(gender.HasValue);
        Assert.Contains(reason, gender.Error);
    }
}
