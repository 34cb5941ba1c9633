#!/usr/bin/env python3
"""Writes an online-shop order export for the import benchmark: Chinese headers, multi-line orders, ~1% bad rows.

Usage: bench/import/make-orders.py LINES OUT.csv   (deterministic: the same LINES give the same file)
Columns as a Taobao-style export plus a line subtotal; about 3 lines per order, 1 customer per 3 orders.
"""
import random
import sys

lines, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
places = ["上海市浦东新区张江路", "北京市朝阳区建国路", "浙江省杭州市西湖区文三路", "广东省深圳市南山区科技园", "江苏省南京市鼓楼区中山路",
          "四川省成都市武侯区人民南路", "重庆渝中区解放碑", "湖北省武汉市洪山区珞喻路", "天津和平区南京路", "广州市天河区体育西路"]
products = [(f"商品{i:04d} 有机蔬果", 100 + (i * 37) % 9000) for i in range(500)]
customers = max(1, lines // 10)
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("订单编号,买家会员名,收货人姓名,联系手机,收货地址,订单付款时间,实付金额,商品名称,数量,小计\r\n")
    written, order = 0, 0
    while written < lines:
        order += 1
        c = rng.randrange(customers)
        name = surnames[c % len(surnames)] + given[(c // 20) % len(given)] + given[(c // 7) % len(given)]
        mobile = f"13{c % 10}{c:08d}"[:11]
        address = f"{places[c % len(places)]}{c % 300 + 1}号"
        day = 1 + order % 28
        when = f"2024-{1 + order % 12:02d}-{day:02d} {order % 24:02d}:{order % 60:02d}:{(order * 7) % 60:02d}"
        n = min(lines - written, rng.choice((1, 2, 3, 4, 5)))
        items = [(products[rng.randrange(len(products))], rng.randint(1, 4)) for _ in range(n)]
        paid = sum(p * q for (_, p), q in items)
        for (pname, price), qty in items:
            phone = mobile if rng.random() > 0.01 else "12345"  # about 1% of rows carry an impossible mobile
            f.write(f"E{order:09d},buyer{c},{name},{phone},{address},{when},{paid / 100:.2f},{pname},{qty},{price * qty / 100:.2f}\r\n")
            written += 1
