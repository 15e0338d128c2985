# Plugins package: version constant, loaded once before its submodules.
print("plugins: package", __name__, "loading")
VERSION = "1.2"
