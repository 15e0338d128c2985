# Package with state initialised at import time.
print("loading package", __name__)

DEFAULT_WIDTH = 30
