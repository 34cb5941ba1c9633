using System.Globalization;
using Patron.Commerce;
using Patron.Commerce.Contracts;
using Patron.Customers.Contracts;

namespace Patron.DemoData;

/// <summary>
/// Fills one order: lines from the buyer's preferred categories, shelf or promotion prices, coupons, payment and
/// the occasional refund. Invariants: Amount = Quantity × UnitPrice, Gross = Σ Amount, Paid = Gross − Discount.
/// </summary>
sealed class BasketBuilder(DemoRandom random, DemoCatalog catalog, DemoCalendar calendar, Shoppers shoppers)
{
    public const double RefundedShare = 0.015;
    public const double PartlyRefundedShare = 0.006;

    static readonly Weights StoreLines = new([24, 24, 18, 13, 9, 6, 4, 2]);
    static readonly Weights OnlineLines = new([6, 10, 14, 17, 17, 14, 12, 10]);
    static readonly Weights Quantities = new([70, 20, 7, 3]);
    static readonly double[] Markdowns = [0.9, 0.8, 0.7];

    readonly Weights walkInCategories = new(catalog.LeafPopularity);
    readonly Dictionary<SalesChannel, long> sequences = [];
    readonly List<int> picked = new(8);

    /// <summary>shopper is -1 for a walk-in without a member card.</summary>
    public Order Build(int shopper, SalesChannel channel, int store, int day, DateTime placedAt)
    {
        var member = shopper >= 0;
        var memberDay = member && calendar.IsMemberDay(day);
        var order = new Order
        {
            Id = random.Guid7(placedAt),
            Source = channel,
            ExternalId = ExternalId(channel, store, placedAt),
            StoreId = store >= 0 ? catalog.Stores[store].Id : null,
            CustomerId = member ? shoppers.All[shopper].Id : null,
            PlacedAt = placedAt,
            CreatedAt = placedAt,
            Currency = "CNY",
        };
        var lines = (channel == SalesChannel.Pos ? StoreLines : OnlineLines).Pick(random) + 1;
        picked.Clear();
        for (var attempt = 0; picked.Count < lines && attempt < lines * 3; attempt++)
        {
            var leaf = member ? shoppers.PickCategory(shopper, random) : walkInCategories.Pick(random);
            var product = catalog.LeafProducts[leaf][catalog.LeafProductWeights[leaf].Pick(random)];
            if (picked.Contains(product)) continue;
            picked.Add(product);
            var listPrice = catalog.Products[product].ListPrice;
            // Promotions: one line in ten, one in four on member day for members.
            var unit = random.Chance(memberDay ? 0.25 : 0.1) ? Math.Max(10, (long)Math.Round(listPrice * Markdowns[random.Next(3)] / 10) * 10) : listPrice;
            var quantity = Quantities.Pick(random) + 1;
            order.Lines.Add(new OrderLine
            {
                Id = random.Guid7(placedAt), OrderId = order.Id, CustomerId = order.CustomerId, LineNo = picked.Count,
                ProductId = catalog.Products[product].Id, Quantity = quantity, UnitPrice = unit, Amount = unit * quantity,
            });
        }
        order.GrossAmount = order.Lines.Sum(l => l.Amount);
        order.PaymentMethod = Payment(channel, member);
        order.DiscountAmount = Discount(order.GrossAmount, member, order.PaymentMethod);
        order.PaidAmount = order.GrossAmount - order.DiscountAmount;
        SetRefund(order);
        return order;
    }

    /// <summary>Member coupons (满99减10, 满199减30), and cash tills drop the odd fen (抹零).</summary>
    long Discount(long gross, bool member, PaymentMethod payment)
    {
        long discount = 0;
        if (member && gross >= 19_900 && random.Chance(0.15)) discount = 3_000;
        else if (member && gross >= 9_900 && random.Chance(0.25)) discount = 1_000;
        if (payment == PaymentMethod.Cash) discount += (gross - discount) % 10;
        return discount;
    }

    void SetRefund(Order order)
    {
        var x = random.NextDouble();
        if (x < RefundedShare)
        {
            order.Status = OrderStatus.Refunded;
            order.RefundedAmount = order.PaidAmount;
        }
        else if (x < RefundedShare + PartlyRefundedShare && order.Lines.Count > 1)
        {
            order.Status = OrderStatus.PartlyRefunded;
            order.RefundedAmount = Math.Min(order.PaidAmount, order.Lines[random.Next(order.Lines.Count)].Amount);
        }
        else order.Status = OrderStatus.Completed;
    }

    PaymentMethod Payment(SalesChannel channel, bool member)
    {
        var x = random.NextDouble();
        return channel switch
        {
            SalesChannel.Pos => x switch
            {
                < 0.48 => PaymentMethod.WeChatPay, < 0.78 => PaymentMethod.Alipay, < 0.84 => PaymentMethod.UnionPay,
                < 0.88 => PaymentMethod.BankCard, < 0.94 => PaymentMethod.Cash, _ => member ? PaymentMethod.StoredValue : PaymentMethod.Cash,
            },
            SalesChannel.MiniProgram => x < 0.93 ? PaymentMethod.WeChatPay : PaymentMethod.StoredValue,
            SalesChannel.OnlineShop => x switch { < 0.6 => PaymentMethod.Alipay, < 0.9 => PaymentMethod.WeChatPay, _ => PaymentMethod.UnionPay },
            _ => x switch { < 0.5 => PaymentMethod.WeChatPay, < 0.95 => PaymentMethod.Alipay, _ => PaymentMethod.UnionPay },
        };
    }

    /// <summary>Receipt numbers per source: store code or source prefix, local date, running number; unique per source.</summary>
    string ExternalId(SalesChannel channel, int store, DateTime placedAt)
    {
        var next = sequences[channel] = sequences.GetValueOrDefault(channel) + 1;
        var local = placedAt + DemoCalendar.ChinaOffset;
        var invariant = CultureInfo.InvariantCulture;
        return channel switch
        {
            SalesChannel.Pos => string.Create(invariant, $"{catalog.Stores[store].Code}{local:yyMMdd}{next:D7}"),
            SalesChannel.MiniProgram => string.Create(invariant, $"MP{local:yyyyMMdd}{next:D8}"),
            SalesChannel.OnlineShop => string.Create(invariant, $"OS{local:yyyyMMdd}{next:D8}"),
            _ => string.Create(invariant, $"APP{local:yyyyMMdd}{next:D8}"),
        };
    }
}
