def classify(v):
    match v:
        case [x, *rest] if x > 0:
            return rest
        case {"k": value, **others}:
            return value
        case Point(x=0) | None:
            return "origin"
        case _:
            return None
