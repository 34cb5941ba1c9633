using System.Globalization;
using System.Text.Json.Serialization;

namespace Patron.Ingestion.Cleaning;

/// <summary>
/// What can be wrong with an imported row or API item, one code per rule. The names are the API's contract (an
/// integrator branches on them), so a code is never renamed; a new rule gets a new code and a text in both languages
/// of the web app (Patron.Web/Localization/Strings/problems.json, checked by a test that walks this enum).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemCode>))]
public enum ProblemCode
{
    // The customer
    NoIdentifier, NameRequired, NameTooLong, NameControlCharacters, NameFormOfAddressOnly, NameNoLetters, NamePlaceholder,
    PhoneNotANumber, PhoneTooShort, PhoneTooLong, PhoneCountryCode, PhoneInvalid, PhoneServiceNumber, PhoneLandline,
    EmailInvalid, MemberCardCharacters, BuyerIdTooLong, GenderGbT2261Code, GenderUnknown,
    // Dates and times
    DateNotInFormat, DateUnrecognised, DateYearAlone, DateAmbiguous, DateYearZero, DateMonthInvalid, DateDayInvalid,
    DateExcelSerialRange, DateExcelSerial60, TimeUnrecognised, TimeInFuture, TimeBefore2000,
    // Any field
    Required, TooLong,
    // Orders
    OrderIdRequired, ProductRequired, QuantityNotWhole, QuantityNotPositive, AmountInvalid, AmountTooLarge, AmountSubFen,
    AmountNegative, NoAmount, OrderRejectedWhole, LateOrderRow,
    // Events
    EventTypeUnknown, UnknownCustomer,
    // The ingest API
    ExternalIdRequired, ItemRepeated, RefundOrderIdRequired, RefundRefused,
}

/// <summary>
/// One problem of a row: its <see cref="Code"/>, the field (its key, as in mappings and the API: mobile, placedAt) and
/// the raw value it concerns, the other values the sentence needs (<see cref="Args"/>, by name), and <see cref="Text"/>,
/// the English sentence that the quarantine stores, the CLI prints and the API returns as the reason. The web app
/// renders the code and arguments in the reader's language instead. A note (a landline in the mobile column) is a
/// problem that does not reject the row.
/// </summary>
public sealed partial record RowProblem(ProblemCode Code, string? Field, string? Value, IReadOnlyDictionary<string, string> Args, string Text)
{
    static readonly IReadOnlyDictionary<string, string> NoArgs = new Dictionary<string, string>();

    /// <summary>A problem of a value whose field the caller knows (a cleaning rule's answer): the text says no field yet.</summary>
    public static RowProblem Of(ProblemCode code, string text, string? value = null, params (string Name, object Value)[] args) =>
        new(code, null, value, args.Length == 0 ? NoArgs : args.ToDictionary(a => a.Name, a => Invariant(a.Value)), text);

    /// <summary>The problem as a problem of <paramref name="field"/>: "birthday: Month 13 does not exist."</summary>
    public RowProblem In(string field) => this with { Field = field, Text = $"{field}: {Text}" };

    /// <summary>The problem as a problem of <paramref name="field"/> holding <paramref name="value"/>: "mobile '12345': Not a phone number."</summary>
    public RowProblem At(string field, string value) => this with { Field = field, Value = value, Text = $"{field} '{value}': {Text}" };

    /// <summary>The English sentence, so that joining problems (the quarantine's reasons column) reads as it always did.</summary>
    public override string ToString() => Text;

    static string Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
