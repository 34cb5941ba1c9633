using static Patron.DemoData.Catalog.Packs;

namespace Patron.DemoData.Catalog;

static partial class CatalogData
{
    static readonly CategorySpec Dairy = new("DAIRY", "乳品烘焙", "Dairy & bakery", "FOOD", 10,
    [
        new("光明鲜牛奶 950ml", "Bright fresh milk 950ml", 1590, Twin), new("蒙牛纯牛奶 250ml", "Mengniu whole milk 250ml", 350, Cartons),
        new("伊利安慕希酸奶 205g", "Yili Ambrosial yoghurt 205g", 650, Cartons), new("君乐宝简醇酸奶", "Junlebao plain yoghurt", 590, Cartons),
        new("全麦吐司 400g", "Wholemeal toast 400g", 1290, Twin), new("手撕面包", "Pull-apart bread", 990, Twin),
        new("安佳黄油 227g", "Anchor butter 227g", 2990, One), new("奶酪片 10片", "Cheese slices x10", 1990, Twin),
        new("豆浆 1L", "Soy milk 1L", 690, Twin), new("牛角包 4个", "Croissants x4", 1590, One),
        new("蛋挞 6个", "Egg tarts x6", 1890, One), new("椰子水 330ml", "Coconut water 330ml", 690, Bottles),
        new("希腊酸奶 400g", "Greek yoghurt 400g", 2290, Twin), new("鸡蛋糕 500g", "Chinese sponge cakes 500g", 1590, Twin),
    ]);

    static readonly CategorySpec Grain = new("GRAIN", "粮油调味", "Rice, oil & seasoning", "FOOD", 8,
    [
        new("五常大米 5kg", "Wuchang rice 5kg", 6990, One), new("东北大米 10kg", "Northeast rice 10kg", 7990, One),
        new("金龙鱼调和油 5L", "Arawana blended oil 5L", 6990, One), new("鲁花花生油 5L", "Luhua peanut oil 5L", 13990, One),
        new("海天生抽 500ml", "Haday light soy sauce 500ml", 990, Twin), new("老抽王 500ml", "Dark soy sauce 500ml", 1090, Twin),
        new("镇江香醋 500ml", "Zhenjiang black vinegar 500ml", 890, Twin), new("挂面 1kg", "Dried noodles 1kg", 990, Trio),
        new("郫县豆瓣酱 500g", "Pixian chili bean paste 500g", 1290, One), new("食盐 400g", "Table salt 400g", 250, Twin),
        new("绵白糖 400g", "Soft white sugar 400g", 690, One), new("蚝油 700g", "Oyster sauce 700g", 1590, One),
        new("老干妈 280g", "Lao Gan Ma chili crisp 280g", 1190, Twin), new("小米 1kg", "Millet 1kg", 1590, One),
    ]);

    static readonly CategorySpec Drinks = new("DRINKS", "酒水饮料", "Drinks", "FOOD", 8,
    [
        new("农夫山泉 550ml", "Nongfu Spring water 550ml", 200, Bottles), new("可口可乐 330ml", "Coca-Cola 330ml", 350, Bottles),
        new("东方树叶 500ml", "Oriental Leaf tea 500ml", 550, Bottles), new("元气森林气泡水", "Genki Forest sparkling water", 550, Bottles),
        new("青岛啤酒 500ml", "Tsingtao beer 500ml", 650, Bottles), new("农夫果园 NFC橙汁", "NFC orange juice", 1290, Bottles),
        new("王老吉 310ml", "Wong Lo Kat herbal tea 310ml", 450, Bottles), new("雀巢咖啡 268ml", "Nescafe iced coffee 268ml", 690, Bottles),
        new("张裕干红 750ml", "Changyu dry red 750ml", 8990, One), new("绍兴黄酒 500ml", "Shaoxing yellow wine 500ml", 1590, Bottles),
        new("铁观音茶叶 250g", "Tieguanyin tea 250g", 12800, One), new("龙井茶 100g", "Longjing tea 100g", 9800, One),
        new("维他柠檬茶 250ml", "Vita lemon tea 250ml", 450, Bottles), new("红牛 250ml", "Red Bull 250ml", 650, Bottles),
    ]);

    static readonly CategorySpec Snacks = new("SNACKS", "休闲零食", "Snacks", "FOOD", 8,
    [
        new("三只松鼠坚果 750g", "Three Squirrels mixed nuts 750g", 9900, One), new("乐事薯片 135g", "Lay's crisps 135g", 990, Trio),
        new("旺旺雪饼 520g", "Want Want rice crackers 520g", 1890, One), new("卫龙辣条 106g", "Weilong spicy strips 106g", 590, Trio),
        new("良品铺子牛肉干 100g", "Bestore beef jerky 100g", 2990, Twin), new("奥利奥 388g", "Oreo 388g", 1690, Twin),
        new("德芙巧克力 252g", "Dove chocolate 252g", 3990, One), new("洽洽瓜子 308g", "ChaCheer sunflower seeds 308g", 1290, Twin),
        new("百草味芒果干 120g", "Be&Cheery dried mango 120g", 1590, Twin), new("大白兔奶糖 227g", "White Rabbit candy 227g", 1590, One),
        new("海苔 40g", "Seaweed snack 40g", 1290, Trio), new("沙琪玛 470g", "Sachima 470g", 1490, One),
        new("每日坚果 25g×7", "Daily nuts 25g x7", 3990, Twin), new("蛋黄酥 6枚", "Egg yolk pastries x6", 2990, Twin),
    ]);

    static readonly CategorySpec Frozen = new("FROZEN", "冷冻速食", "Frozen & ready meals", "FOOD", 6,
    [
        new("思念水饺 1kg", "Synear dumplings 1kg", 2590, Twin), new("湾仔码头水饺 720g", "Wanchai Ferry dumplings 720g", 3290, Twin),
        new("三全汤圆 500g", "Sanquan rice balls 500g", 1290, Twin), new("速冻手抓饼 900g", "Frozen scallion pancakes 900g", 1990, One),
        new("自热火锅", "Self-heating hotpot", 2990, Twin), new("冷冻鸡块 1kg", "Frozen chicken nuggets 1kg", 3990, One),
        new("奥尔良鸡翅 500g", "Orleans chicken wings 500g", 3590, One), new("冰淇淋 4支装", "Ice cream bars x4", 2590, One),
        new("广式早茶点心", "Cantonese dim sum set", 3990, One), new("速冻玉米 2根", "Frozen sweetcorn x2", 990, Twin),
        new("方便面 5连包", "Instant noodles x5", 1290, Twin), new("螺蛳粉 335g", "Luosifen rice noodles 335g", 1390, Trio),
        new("速冻馄饨 500g", "Frozen wontons 500g", 1990, Twin), new("披萨 8寸", "Pizza 8 inch", 2990, Twin),
    ]);
}
