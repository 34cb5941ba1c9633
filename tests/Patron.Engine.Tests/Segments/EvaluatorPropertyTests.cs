using Patron.Engine.Segments;

namespace Patron.Engine.Tests.Segments;

public sealed class EvaluatorPropertyTests
{
    static readonly DateOnly[] AsOfDays = [new(2025, 6, 15), new(2024, 2, 28), new(2025, 2, 28), new(2025, 12, 28), new(2024, 12, 31)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_bitset_evaluator_agrees_with_a_per_customer_interpreter_on_random_rules(int seed)
    {
        var generator = new RandomSegments(seed);
        // 333 customers: not a multiple of 64, so the last word's tail bits are exercised by every NOT.
        var table = generator.Table(333, new DateOnly(2025, 3, 1));
        var partial = 0;
        for (var n = 0; n < 150; n++)
        {
            var json = generator.Rule(depth: 4);
            var rule = SegmentRuleJson.Parse(json);
            Assert.Equal(json, SegmentRuleJson.Write(rule));
            var segment = SegmentCompiler.Compile(rule, table);
            foreach (var asOf in AsOfDays)
            {
                var expected = Enumerable.Range(0, table.Count).Where(i => NaiveInterpreter.Matches(rule, table, i, asOf)).ToArray();
                var actual = segment.Matches(asOf);
                Assert.True(expected.SequenceEqual(actual), $"rule {json} as of {asOf:yyyy-MM-dd}: expected {expected.Length}, got {actual.Length}");
                Assert.Equal(expected.Length, segment.CountMatches(asOf));
                if (expected.Length > 0 && expected.Length < table.Count) partial++;
            }
        }
        // Guards the generator: rules that match everyone or no one would check little.
        Assert.True(partial > 300, $"only {partial} of 750 evaluations selected some but not all customers");
    }
}
