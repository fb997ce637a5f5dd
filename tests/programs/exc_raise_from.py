# raise ... from ..., __cause__, __context__, bare re-raise
class ConfigError(Exception):
    pass
def load(cfg, key):
    try:
        return int(cfg[key])
    except KeyError as e:
        raise ConfigError("missing key " + key) from e
    except ValueError as e:
        raise ConfigError("bad value for " + key) from e
cfg = {"port": "80", "timeout": "soon"}
for key in ["port", "timeout", "host"]:
    try:
        print(key, load(cfg, key))
    except ConfigError as e:
        cause = e.__cause__
        print(key, "ConfigError:", e, "| cause:", type(cause).__name__, cause.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print("implicit:", e, e.__cause__ is None)
try:
    try:
        [][0]
    except IndexError as e:
        raise RuntimeError("suppressed context") from None
except RuntimeError as e:
    print(e, e.__cause__)
def reraise():
    try:
        {}["k"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraise()
except KeyError as e:
    print("re-raised", repr(e))
def wrap_twice():
    try:
        try:
            int("x")
        except ValueError as e:
            raise TypeError("level1") from e
    except TypeError as e:
        raise ConfigError("level2") from e
try:
    wrap_twice()
except ConfigError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__ + "(" + str(cur) + ")")
        cur = cur.__cause__
    print(" <- ".join(chain))
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print(e is err, e.args)
try:
    raise ValueError("explicit instance") from KeyError("why")
except ValueError as e:
    print(e, repr(e.__cause__))
