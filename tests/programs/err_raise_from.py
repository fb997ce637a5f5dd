# Uncaught exception raised with "from": only the last line is checked
class ParseError(Exception):
    pass
def parse_number(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError("not a number: " + repr(text)) from e
def parse_all(items):
    out = []
    for it in items:
        out.append(parse_number(it))
        print("parsed", out[-1])
    return out
print(parse_all(["1", "22"]))
parse_all(["3", "4x", "5"])
