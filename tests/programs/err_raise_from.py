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
def main():
    print(parse_all(["1", "22"]))
    try:
        parse_all(["x"])
    except ParseError as e:
        print("handled:", e, "cause:", type(e.__cause__).__name__)
    parse_all(["3", "4x", "5"])
main()
