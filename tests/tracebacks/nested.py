def f(x):
    return x['a']['b']
f({'a': {}})
