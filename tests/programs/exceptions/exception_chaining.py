# Raising a new exception inside a handler (implicitly chained) and `raise ... from e`.


class ConfigError(Exception):
    pass


def read_port(settings, key):
    try:
        return int(settings[key])
    except KeyError as e:
        raise ConfigError(f"missing setting {e}") from e
    except ValueError as e:
        raise ConfigError(f"bad port for {key}: {settings[key]!r}") from e


settings = {"http": "8080", "ssh": "twenty-two", "ftp": "21"}
for key in ["http", "ssh", "smtp", "ftp"]:
    try:
        print(key, read_port(settings, key))
    except ConfigError as e:
        print("config error:", e)
        cause = e.__cause__
        if cause is not None:
            print("  caused by", type(cause).__name__, cause)


def convert_all(values):
    out = []
    for v in values:
        try:
            out.append(100 // int(v))
        except ZeroDivisionError:
            raise ValueError("zero is not allowed in " + str(values))
    return out


for vals in [["1", "2", "4"], ["5", "0", "3"], ["x"]]:
    try:
        print(convert_all(vals))
    except ValueError as e:
        print("ValueError:", e)
        ctx = e.__context__
        print("  context:", type(ctx).__name__ if ctx is not None else None)
