# Package initialiser: runs before any submodule of the package.
print("loading package", __name__)

VERSION = "1.2.0"


def version_tuple():
    parts = VERSION.split(".")
    return (int(parts[0]), int(parts[1]), int(parts[2]))
