cases = ['"x".ljust(10**12)', '"%0*d" % (10**12, 1)', 'format(1, "10000000000000")', 'f"{1:>{10**12}}"',
         '"\\t".expandtabs(10**12)', 'b"\\t".expandtabs(10**12)', 'b"x".ljust(10**12)', '"%.*f" % (10**12, 1.0)',
         'format(1.0, ".1000000000000f")', 'format("abc", ".10000000000000")', 'format(5, ".10000000000000")',
         '"%.*s" % (10**12, "a")', '"%.3000000000f" % 1.0', '"%*d" % (30, 1)', '"x".center(10**12, "é")',
         'b"ab" * 10**12', '"ab" * 10**12', '[1] * 10**12', 'bytes(10**12)', 'list(range(10**12))']
for e in cases:
    try:
        print(e, repr(eval(e))[:20])
    except Exception as x:
        print(e, type(x).__name__, x)
