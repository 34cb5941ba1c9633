namespace Patron.DemoData.People;

sealed record Street(string Zh, string En);

sealed record District(string Zh, string En, Street[] Streets);

sealed record City(string ProvinceZh, string ProvinceEn, string Zh, string En, District[] Districts);

/// <summary>
/// A store of the demo chain. Stores with an OpenedAt fraction open inside the simulated period (at that share of
/// it), so the data shows a sign-up burst and a young store; the others opened DaysBefore the period began.
/// </summary>
sealed record StoreSpec(string Code, City City, District District, int StreetIndex, int Number, int DaysBefore, double? OpenedAt, double Weight);

static class Places
{
    static Street S(string zh, string en) => new(zh, en);

    public static readonly City Shanghai = new("上海市", "Shanghai", "上海市", "Shanghai",
    [
        new("浦东新区", "Pudong", [S("张杨路", "Zhangyang Rd"), S("世纪大道", "Century Ave"), S("浦东南路", "South Pudong Rd"), S("东方路", "Dongfang Rd")]),
        new("徐汇区", "Xuhui", [S("漕溪北路", "North Caoxi Rd"), S("天钥桥路", "Tianyaoqiao Rd"), S("肇嘉浜路", "Zhaojiabang Rd"), S("衡山路", "Hengshan Rd")]),
        new("静安区", "Jing'an", [S("南京西路", "West Nanjing Rd"), S("延安中路", "Middle Yan'an Rd"), S("武定路", "Wuding Rd"), S("江宁路", "Jiangning Rd")]),
        new("闵行区", "Minhang", [S("七莘路", "Qixin Rd"), S("莘庄路", "Xinzhuang Rd"), S("虹井路", "Hongjing Rd"), S("都市路", "Dushi Rd")]),
        new("长宁区", "Changning", [S("天山路", "Tianshan Rd"), S("虹桥路", "Hongqiao Rd"), S("仙霞路", "Xianxia Rd")]),
        new("杨浦区", "Yangpu", [S("国权路", "Guoquan Rd"), S("控江路", "Kongjiang Rd"), S("黄兴路", "Huangxing Rd")]),
    ]);

    public static readonly City Hangzhou = new("浙江省", "Zhejiang", "杭州市", "Hangzhou",
    [
        new("西湖区", "Xihu", [S("文三路", "Wensan Rd"), S("天目山路", "Tianmushan Rd"), S("古墩路", "Gudun Rd")]),
        new("滨江区", "Binjiang", [S("江南大道", "Jiangnan Ave"), S("滨盛路", "Binsheng Rd"), S("长河路", "Changhe Rd")]),
        new("上城区", "Shangcheng", [S("解放路", "Jiefang Rd"), S("庆春路", "Qingchun Rd"), S("秋涛路", "Qiutao Rd")]),
        new("拱墅区", "Gongshu", [S("湖墅南路", "South Hushu Rd"), S("莫干山路", "Moganshan Rd"), S("丽水路", "Lishui Rd")]),
    ]);

    public static readonly City Nanjing = new("江苏省", "Jiangsu", "南京市", "Nanjing",
    [
        new("鼓楼区", "Gulou", [S("中山北路", "North Zhongshan Rd"), S("北京西路", "West Beijing Rd"), S("湖南路", "Hunan Rd")]),
        new("建邺区", "Jianye", [S("江东中路", "Middle Jiangdong Rd"), S("应天大街", "Yingtian St"), S("嘉陵江东街", "Jialingjiang East St")]),
        new("玄武区", "Xuanwu", [S("中山路", "Zhongshan Rd"), S("珠江路", "Zhujiang Rd"), S("北京东路", "East Beijing Rd")]),
        new("秦淮区", "Qinhuai", [S("中华路", "Zhonghua Rd"), S("太平南路", "South Taiping Rd"), S("龙蟠中路", "Middle Longpan Rd")]),
    ]);

    public const string BrandZh = "鲜邻超市";
    public const string BrandEn = "FreshMate";

    public static readonly StoreSpec[] Stores =
    [
        new("SH01", Shanghai, Shanghai.Districts[0], 0, 500, 2190, null, 1.4),
        new("SH02", Shanghai, Shanghai.Districts[1], 0, 88, 1600, null, 1.1),
        new("SH03", Shanghai, Shanghai.Districts[2], 0, 1266, 1100, null, 1.0),
        new("SH04", Shanghai, Shanghai.Districts[3], 0, 3655, 0, 0.35, 1.2),
        new("HZ01", Hangzhou, Hangzhou.Districts[0], 0, 259, 900, null, 1.0),
        new("HZ02", Hangzhou, Hangzhou.Districts[1], 0, 1100, 400, null, 0.9),
        new("NJ01", Nanjing, Nanjing.Districts[0], 0, 105, 600, null, 0.9),
        new("NJ02", Nanjing, Nanjing.Districts[1], 0, 201, 0, 0.6, 1.0),
    ];
}
