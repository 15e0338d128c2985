# An except clause for a user exception that this run never raises; the handler reads a str field of it.


class ConfigError(Exception):
    def __init__(self, key, message):
        super().__init__(message)
        self.key = key


def load(settings, key):
    if key not in settings:
        return -1
    return settings[key] * 2


settings = {"width": 40, "height": 12}
for key in ["width", "height", "depth"]:
    try:
        print(key, load(settings, key))
    except ConfigError as e:
        print("bad setting", e.key.upper(), e)
print("done")
