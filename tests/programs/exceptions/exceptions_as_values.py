# Exception objects as values: stored in lists, returned from functions, inspected, raised later.


class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


def validate(record):
    errors = []
    if len(record["name"]) == 0:
        errors.append(ValidationError("name", "empty"))
    if not record["age"].isdigit():
        errors.append(ValidationError("age", "not a number: " + record["age"]))
    elif int(record["age"]) > 130:
        errors.append(ValidationError("age", "too old"))
    if "@" not in record["email"]:
        errors.append(ValidationError("email", "missing @"))
    return errors


def first_error(record):
    errs = validate(record)
    if errs:
        return errs[0]
    return None


records = [
    {"name": "ann", "age": "31", "email": "ann@example.com"},
    {"name": "", "age": "x1", "email": "nobody"},
    {"name": "old", "age": "200", "email": "old@example.com"},
    {"name": "bo", "age": "40", "email": "bo.example.com"},
]
all_errors = []
for r in records:
    errs = validate(r)
    print(r["name"] or "<empty>", len(errs), [str(e) for e in errs])
    all_errors.extend(errs)
print("fields:", [e.field for e in all_errors])

for r in records:
    err = first_error(r)
    try:
        if err is not None:
            raise err
        print("valid:", r["name"])
    except ValidationError as e:
        print("raised stored error:", e, "| same object:", e is err)

builtin_errors = [ValueError("a"), KeyError("b"), ZeroDivisionError("c"), IndexError("d")]
for e in builtin_errors:
    kind = "lookup" if isinstance(e, LookupError) else ("arith" if isinstance(e, ArithmeticError) else "other")
    print(type(e).__name__, str(e), kind)
for e in builtin_errors:
    try:
        raise e
    except (KeyError, IndexError) as caught:
        print("caught lookup", repr(caught))
    except Exception as caught:
        print("caught other", repr(caught))
