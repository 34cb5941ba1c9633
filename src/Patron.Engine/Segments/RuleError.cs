namespace Patron.Engine.Segments;

/// <summary>
/// One problem in a rule, for the segment builder to show beside the offending node. <see cref="Path"/> is the
/// JSON path (<c>$.all[1].value</c>); <see cref="Code"/> is stable for the UI to key on; the messages name the
/// field as the marketer knows it, e.g. <c>$.all[1].value: "abc" is not a number for 消费金额 (monetary)</c>.
/// </summary>
public sealed record RuleError(string Path, string Code, string Message, string MessageZh)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Thrown when compiling a rule that does not validate; carries every error, not just the first.</summary>
public sealed class SegmentValidationException(IReadOnlyList<RuleError> errors)
    : Exception("The segment rule is not valid:" + string.Concat(errors.Select(e => "\n  " + e)))
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}
