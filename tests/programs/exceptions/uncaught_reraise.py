# A handler logs the error and re-raises it with bare `raise`; nothing catches it, exit status 1.


class ConfigError(Exception):
    def __init__(self, key):
        super().__init__("missing configuration key: " + key)
        self.key = key


def get(config, key):
    if key not in config:
        raise ConfigError(key)
    return config[key]


def load(config, keys):
    values = []
    for k in keys:
        try:
            values.append(get(config, k))
        except ConfigError as e:
            print("log: failed to load", e.key)
            raise
    return values


config = {"host": "localhost", "port": "8080"}
print(load(config, ["host", "port"]))
print(load(config, ["host", "user", "port"]))
