def copy_lines(src, dst):
    with src as a, dst as b:
        for line in a:
            b.write(line)
    return b


def delegate(inner):
    result = yield from inner
    return result
