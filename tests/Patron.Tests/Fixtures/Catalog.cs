using Patron.Commerce;
using Patron.Platform;

namespace Patron.Tests.Fixtures;

/// <summary>A small catalogue written straight to the tables: one store, one category, two products.</summary>
sealed record Catalog(Guid StoreId, Guid CategoryId, Guid ApplesId, Guid MilkId)
{
    public const string StoreCode = "SH001";
    public const string Apples = "FR-APPLE";
    public const string Milk = "DA-MILK";

    public static async Task<Catalog> SeedAsync(PatronDb db)
    {
        var store = new Store { Id = Ids.New(), Code = StoreCode, Name = "徐汇店", Province = "上海", City = "上海", District = "徐汇区", OpenedOn = new DateOnly(2020, 1, 1) };
        var category = new Category { Id = Ids.New(), Code = "FRESH", Name = "生鲜" };
        var apples = new Product { Id = Ids.New(), Sku = Apples, Name = "红富士苹果", CategoryId = category.Id, ListPrice = 1290 };
        var milk = new Product { Id = Ids.New(), Sku = Milk, Name = "鲜牛奶", CategoryId = category.Id, ListPrice = 1550 };
        db.AddRange(store, category, apples, milk);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new Catalog(store.Id, category.Id, apples.Id, milk.Id);
    }
}
