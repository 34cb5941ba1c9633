using static Patron.DemoData.Catalog.Packs;

namespace Patron.DemoData.Catalog;

/// <summary>The demo chain's assortment. Within a category the items come most popular first.</summary>
static partial class CatalogData
{
    static readonly CategorySpec Fruit = new("FRUIT", "水果", "Fruit", "FRESH", 14,
    [
        new("红富士苹果", "Fuji apples", 1290, Box), new("进口香蕉", "Imported bananas", 699, Weight),
        new("赣南脐橙", "Gannan navel oranges", 990, Box), new("阳光玫瑰葡萄", "Shine Muscat grapes", 2990, Weight),
        new("麒麟西瓜", "Kirin watermelon", 2590, One), new("海南贵妃芒", "Hainan mangoes", 1590, Weight),
        new("丹东草莓", "Dandong strawberries", 3990, Weight), new("库尔勒香梨", "Korla fragrant pears", 1190, Box),
        new("徐香猕猴桃", "Xuxiang kiwifruit", 1490, Box), new("红心火龙果", "Red dragon fruit", 1290, Weight),
        new("智利车厘子", "Chilean cherries", 6990, Box), new("秘鲁蓝莓 125g", "Peruvian blueberries 125g", 1990, Twin),
        new("泰国金枕榴莲", "Thai Monthong durian", 8990, One), new("沙糖桔", "Shatang mandarins", 890, Box),
    ]);

    static readonly CategorySpec Vegetables = new("VEG", "蔬菜", "Vegetables", "FRESH", 14,
    [
        new("上海青", "Shanghai bok choy", 399, Weight), new("西红柿", "Tomatoes", 599, Weight),
        new("黄瓜", "Cucumbers", 499, Weight), new("土豆", "Potatoes", 299, Weight),
        new("大白菜", "Napa cabbage", 259, One), new("西兰花", "Broccoli", 699, Weight),
        new("胡萝卜", "Carrots", 299, Weight), new("山东大葱", "Shandong leeks", 459, Weight),
        new("香菇", "Shiitake mushrooms", 1290, Weight), new("菠菜", "Spinach", 599, Weight),
        new("茄子", "Aubergines", 499, Weight), new("青椒", "Green peppers", 599, Weight),
        new("莲藕", "Lotus root", 899, Weight), new("有机生菜", "Organic lettuce", 990, Twin),
    ]);

    static readonly CategorySpec Meat = new("MEAT", "肉禽蛋", "Meat, poultry & eggs", "FRESH", 12,
    [
        new("黑猪五花肉 400g", "Black pork belly 400g", 2990, Twin), new("猪里脊 400g", "Pork tenderloin 400g", 2490, Twin),
        new("土鸡蛋 10枚", "Free-range eggs x10", 1590, Trio), new("鸡胸肉 500g", "Chicken breast 500g", 1690, Twin),
        new("鸡翅中 500g", "Chicken wings 500g", 3290, Twin), new("排骨 500g", "Pork spare ribs 500g", 3990, Twin),
        new("澳洲牛腱 500g", "Australian beef shin 500g", 5990, One), new("原切牛排 200g", "Ribeye steak 200g", 4990, Twin),
        new("三黄鸡 整只", "Whole yellow chicken", 4590, One), new("羊肉卷 300g", "Lamb slices 300g", 3990, Twin),
        new("猪肉馅 300g", "Minced pork 300g", 1590, Twin), new("鸭蛋 6枚", "Duck eggs x6", 1290, One),
        new("鸭腿 2只", "Duck legs x2", 2490, Twin), new("鸡爪 500g", "Chicken feet 500g", 2290, Twin),
    ]);

    static readonly CategorySpec Seafood = new("SEAFOOD", "水产海鲜", "Fish & seafood", "FRESH", 7,
    [
        new("鲜活基围虾 500g", "Live shrimp 500g", 5990, One), new("鲈鱼 1条", "Sea bass, whole", 3990, One),
        new("三文鱼刺身 200g", "Salmon sashimi 200g", 5990, One), new("带鱼段 500g", "Hairtail pieces 500g", 3490, Twin),
        new("鲜活花甲 500g", "Live clams 500g", 1590, One), new("阳澄湖大闸蟹 4只", "Yangcheng Lake hairy crabs x4", 19900, One),
        new("黄鱼 1条", "Yellow croaker, whole", 4590, One), new("鱿鱼 500g", "Squid 500g", 3290, One),
        new("扇贝 6只", "Scallops x6", 3990, One), new("草鱼 1条", "Grass carp, whole", 2990, One),
        new("冷冻虾仁 250g", "Frozen peeled prawns 250g", 3990, Twin), new("鳕鱼块 300g", "Cod fillets 300g", 6990, Twin),
        new("海带结 500g", "Kelp knots 500g", 890, Twin), new("小龙虾 1kg", "Crayfish 1kg", 8990, One),
    ]);
}
