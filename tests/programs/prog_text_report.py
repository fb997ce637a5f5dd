# Sales report: parsing CSV-like text, aggregation and formatted table output
DATA = """region,rep,product,units,price
north,ann,widget,12,2.50
south,bob,gadget,3,10.00
north,cy,widget,7,2.50
east,dee,gizmo,20,1.25
south,bob,widget,5,2.75
north,ann,gadget,1,9.50
east,eve,gadget,4,10.25
east,dee,widget,9,2.40"""
lines = DATA.splitlines()
header = lines[0].split(",")
rows = []
for line in lines[1:]:
    rec = dict(zip(header, line.split(",")))
    rec["units"] = int(rec["units"])
    rec["price"] = float(rec["price"])
    rec["revenue"] = rec["units"] * rec["price"]
    rows.append(rec)
print(len(rows), "records;", "fields:", header)
print(f"{'Region':<8}{'Rep':<6}{'Product':<8}{'Units':>6}{'Price':>8}{'Revenue':>10}")
print("-" * 46)
for r in rows:
    print(f"{r['region']:<8}{r['rep']:<6}{r['product']:<8}{r['units']:>6d}{r['price']:>8.2f}{r['revenue']:>10.2f}")
print("-" * 46)
total = sum(r["revenue"] for r in rows)
print(f"{'TOTAL':<28}{sum(r['units'] for r in rows):>6d}{'':>8}{total:>10.2f}")
by_region = {}
for r in rows:
    by_region[r["region"]] = by_region.get(r["region"], 0) + r["revenue"]
for region, rev in sorted(by_region.items(), key=lambda kv: -kv[1]):
    share = rev / total
    print("%-6s %9.2f %6.1f%% %s" % (region, rev, share * 100, "*" * int(share * 40)))
by_rep = {}
for r in rows:
    by_rep.setdefault(r["rep"], []).append(r["revenue"])
best = max(by_rep, key=lambda k: sum(by_rep[k]))
print("best rep:", best, "with", format(sum(by_rep[best]), ",.2f"), "over", len(by_rep[best]), "sales")
products = sorted({r["product"] for r in rows})
for p in products:
    units = [r["units"] for r in rows if r["product"] == p]
    avg_price = sum(r["price"] for r in rows if r["product"] == p) / len(units)
    print("{:>8}: n={} units={:<4d} avg price={:.3f} max={}".format(p, len(units), sum(units), avg_price, max(units)))
print("{:,.2f} | {:+.1e} | {:08.3f} | {:^12} |".format(total * 1000, total, total / 7, "done"))
