using Patron.Customers.Contracts;

namespace Patron.Ingestion.Cleaning;

/// <summary>
/// The problems of a whole row or item, and of fields checked by the row cleaners themselves; the value rules
/// (dates, amounts, names, genders) make theirs where they decide. Each English text here is the one Patron has
/// always written, so quarantined rows, scripts and tests that read it see no change.
/// </summary>
public sealed partial record RowProblem
{
    public static RowProblem NoIdentifier() => Of(ProblemCode.NoIdentifier,
        "No mobile, email, member card or buyer id: without one the customer cannot be recognised, and importing the file again would create them again.");

    public static RowProblem NameRequired() => Of(ProblemCode.NameRequired, "A name is required.").In("name");

    /// <summary>A phone number Normalise refused, as a problem of the cell it came from.</summary>
    public static RowProblem Phone(string field, string value, NormalisedPhone phone) => (phone.Reason switch
    {
        NormaliseError.PhoneInvalid => Of(ProblemCode.PhoneInvalid, phone.Error!, null, ("digits", phone.Digits)),
        NormaliseError.PhoneTooShort => Of(ProblemCode.PhoneTooShort, phone.Error!),
        NormaliseError.PhoneTooLong => Of(ProblemCode.PhoneTooLong, phone.Error!),
        NormaliseError.PhoneCountryCode => Of(ProblemCode.PhoneCountryCode, phone.Error!),
        NormaliseError.PhoneServiceNumber => Of(ProblemCode.PhoneServiceNumber, phone.Error!),
        _ => Of(ProblemCode.PhoneNotANumber, phone.Error!),
    }).At(field, value);

    public static RowProblem Email(string value, Normalised email) => Of(ProblemCode.EmailInvalid, email.Error!, value).In("email");

    public static RowProblem MemberCard(string value, Normalised card) => (card.Reason == NormaliseError.TooLong
        ? Of(ProblemCode.TooLong, card.Error!, null, ("max", Normalise.MaxMemberCard))
        : Of(ProblemCode.MemberCardCharacters, card.Error!, value)).In("memberCard");

    public static RowProblem PhoneLandline(string field, string value) => Of(ProblemCode.PhoneLandline,
        $"{field} '{value}' is a landline; not used to recognise the customer.", value) with { Field = field };

    public static RowProblem BuyerIdTooLong(int max) =>
        Of(ProblemCode.BuyerIdTooLong, $"at most {max} characters.", null, ("max", max)).In("buyerId");

    public static RowProblem Required(string field) => Of(ProblemCode.Required, "Required.").In(field);

    public static RowProblem TooLong(string field, int max) =>
        Of(ProblemCode.TooLong, $"At most {max} characters.", null, ("max", max)).In(field);

    public static RowProblem OrderIdRequired() =>
        Of(ProblemCode.OrderIdRequired, "Required: the order's id in the source makes a second import safe.").In("orderId");

    public static RowProblem ProductRequired() =>
        Of(ProblemCode.ProductRequired, "Required (or a sku): a line needs its product.").In("productName");

    public static RowProblem QuantityNotWhole(string value) => Of(ProblemCode.QuantityNotWhole, "Not a whole number.").At("quantity", value);

    public static RowProblem QuantityNotPositive(string value) =>
        Of(ProblemCode.QuantityNotPositive, "Must be at least 1 (refunds are not imported as orders).").At("quantity", value);

    public static RowProblem AmountNegative(string field, string value) =>
        Of(ProblemCode.AmountNegative, "Negative (refunds are not imported as orders).").At(field, value);

    public static RowProblem TimeInFuture(string field, string value) =>
        Of(ProblemCode.TimeInFuture, "Is in the future: check the time zone of the export.").At(field, value);

    public static RowProblem TimeBefore2000(string field, string value) => Of(ProblemCode.TimeBefore2000, "Is before 2000.").At(field, value);

    public static RowProblem NoAmount() => Of(ProblemCode.NoAmount, "No amount: map lineAmount, unitPrice or (for one-line orders) orderPaid.");

    /// <summary>Another line of the order was rejected, so this one is too: an order is imported whole.</summary>
    public static RowProblem OrderRejectedWhole(string? orderId, long badRow) => Of(ProblemCode.OrderRejectedWhole,
        $"Another row of order {orderId} was rejected (row {badRow}); an order is imported whole or not at all.", null,
        ("orderId", orderId ?? ""), ("row", badRow));

    /// <summary>The text is <see cref="Import.LateOrderRows.Reason"/>.</summary>
    public static RowProblem LateOrderRow(string? orderId) => Of(ProblemCode.LateOrderRow,
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Import.LateOrderRows.Reason, orderId), null, ("orderId", orderId ?? ""));

    public static RowProblem EventTypeUnknown(string value, string known) => Of(ProblemCode.EventTypeUnknown,
        $"Unknown; known types: {known} (or 到店, 浏览商品, 加购, 搜索 ...).", null, ("known", known)).At("eventType", value);

    /// <summary><paramref name="identifiers"/>: what the row tried, as "Mobile +8613800138000 or MemberCard VIP1".</summary>
    public static RowProblem UnknownCustomer(string identifiers) => Of(ProblemCode.UnknownCustomer,
        $"Unknown customer: no customer has {identifiers}; events do not create customers (import the customer first, then this row again).",
        null, ("identifiers", identifiers));

    public static RowProblem ExternalIdRequired() =>
        Of(ProblemCode.ExternalIdRequired, "Required: it makes a replay of the batch safe.").In("externalId");

    public static RowProblem ItemRepeated(int item) => Of(ProblemCode.ItemRepeated, $"Repeats item {item} of this batch.", null, ("item", item));

    public static RowProblem RefundOrderIdRequired() => Of(ProblemCode.RefundOrderIdRequired, "Required: the order's externalId.").In("orderId");

    /// <summary>The refund handler's own reason (an unknown order, more than is left to refund), as it wrote it.</summary>
    public static RowProblem RefundRefused(string reason) => Of(ProblemCode.RefundRefused, reason, null, ("reason", reason));
}
