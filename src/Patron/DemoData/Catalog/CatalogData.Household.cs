using static Patron.DemoData.Catalog.Packs;

namespace Patron.DemoData.Catalog;

static partial class CatalogData
{
    static readonly CategorySpec Cleaning = new("CLEAN", "日化清洁", "Cleaning", "HOME", 5,
    [
        new("蓝月亮洗衣液 3kg", "Bluemoon laundry liquid 3kg", 4990, One), new("立白洗洁精 1kg", "Liby dish soap 1kg", 1290, Twin),
        new("维达抽纸 3层100抽", "Vinda tissues 100 sheets", 2490, Trio), new("心相印卷纸 10卷", "Hearttex toilet rolls x10", 3990, One),
        new("威猛先生厨房清洁剂", "Mr Muscle kitchen cleaner", 2490, One), new("84消毒液 1.2kg", "84 disinfectant 1.2kg", 1290, One),
        new("垃圾袋 100只", "Bin bags x100", 1590, Twin), new("洗衣凝珠 52颗", "Laundry pods x52", 5990, One),
        new("湿巾 80抽", "Wet wipes x80", 1290, Trio), new("保鲜膜 30m", "Cling film 30m", 1590, One),
        new("洁厕灵 500g", "Toilet cleaner 500g", 990, Twin), new("衣物柔顺剂 2L", "Fabric softener 2L", 3590, One),
    ]);

    static readonly CategorySpec Care = new("CARE", "个人护理", "Personal care", "HOME", 4,
    [
        new("高露洁牙膏 180g", "Colgate toothpaste 180g", 1590, Twin), new("海飞丝洗发水 400ml", "Head & Shoulders shampoo 400ml", 4990, One),
        new("舒肤佳沐浴露 720ml", "Safeguard shower gel 720ml", 3990, One), new("电动牙刷刷头", "Electric toothbrush heads", 6990, One),
        new("护手霜 50g", "Hand cream 50g", 2990, Twin), new("卫生巾 10片", "Sanitary pads x10", 1990, Trio),
        new("婴儿纸尿裤 L 52片", "Baby nappies L x52", 12900, One), new("剃须刀片 4片", "Razor blades x4", 8990, One),
        new("洗面奶 100g", "Facial cleanser 100g", 4990, One), new("防晒霜 50ml", "Sunscreen 50ml", 9900, One),
        new("漱口水 500ml", "Mouthwash 500ml", 3290, Twin), new("牙线棒 50支", "Floss picks x50", 1290, Twin),
    ]);

    static readonly CategorySpec Kitchen = new("KITCHEN", "家居厨具", "Home & kitchen", "HOME", 3,
    [
        new("不粘炒锅 32cm", "Non-stick wok 32cm", 19900, One), new("保鲜盒 3件套", "Food containers x3", 4990, One),
        new("陶瓷碗 4只", "Ceramic bowls x4", 3990, One), new("竹筷子 10双", "Bamboo chopsticks x10", 1990, One),
        new("砧板", "Chopping board", 5990, One), new("玻璃杯 6只", "Glass tumblers x6", 3990, One),
        new("厨房纸巾 4卷", "Kitchen roll x4", 1990, Twin), new("一次性手套 100只", "Disposable gloves x100", 990, Twin),
        new("菜刀", "Chef's knife", 8990, One), new("电热水壶", "Electric kettle", 12900, One),
        new("洗碗海绵 6片", "Dish sponges x6", 990, Twin), new("抹布 5条", "Dish cloths x5", 1290, Twin),
    ]);

    // Properties, not fields: static field initialisers of a partial class run in an unspecified file order.
    public static CategorySpec[] Parents =>
    [
        new("FRESH", "生鲜", "Fresh", null, 0, []),
        new("FOOD", "食品", "Grocery", null, 0, []),
        new("HOME", "日用", "Household", null, 0, []),
    ];

    /// <summary>Order matters: it is part of the seed's meaning (category indexes, SKUs).</summary>
    public static CategorySpec[] Leaves =>
        [Fruit, Vegetables, Meat, Seafood, Dairy, Grain, Drinks, Snacks, Frozen, Cleaning, Care, Kitchen];
}
