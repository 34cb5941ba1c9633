namespace Patron.Commerce.Contracts;

public enum OrderStatus { Completed, Cancelled, Refunded, PartlyRefunded }

public enum PaymentMethod { WeChatPay, Alipay, UnionPay, BankCard, Cash, StoredValue, Other }
