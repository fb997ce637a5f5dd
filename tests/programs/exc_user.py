# User-defined exception classes
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return self.field + ": " + self.message
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: " + repr(key))
        self.key = key
def validate(user):
    if "name" not in user:
        raise ValidationError("name", "missing")
    if len(user["name"]) < 2:
        raise ValidationError("name", "too short")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "negative")
    return "valid"
for u in [{"name": "Al"}, {}, {"name": "A"}, {"name": "Bo", "age": -1}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("ValidationError", e, e.field, e.args, isinstance(e, AppError))
db = {"a": 1}
def lookup(k):
    if k not in db:
        raise NotFound(k)
    return db[k]
for k in ["a", "b", 3]:
    try:
        print(lookup(k))
    except AppError as e:
        print(type(e).__name__, str(e), e.args, e.key)
try:
    raise AppError
except AppError as e:
    print("bare class raise:", type(e).__name__, e.args, repr(str(e)))
try:
    raise AppError("one", 2)
except Exception as e:
    print(e, e.args, repr(e))
class CodeError(Exception):
    def __init__(self, code):
        self.code = code
    def __repr__(self):
        return "CodeError(code=" + str(self.code) + ")"
try:
    raise CodeError(404)
except CodeError as e:
    print(e.code, repr(e), e.args, repr(str(e)))
class RetryableError(AppError):
    retries = 3
try:
    raise RetryableError("flaky")
except (NotFound, RetryableError) as e:
    print(type(e).__name__, e, e.retries, issubclass(RetryableError, Exception))
errors = [ValidationError("f", "m"), NotFound("x"), AppError("plain")]
print([type(e).__name__ for e in errors], [str(e) for e in errors])
