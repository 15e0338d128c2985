# Multi-file: `from mod import NAME` binds the value at import time; the module's later `global` rebinding is not seen.
import settings
from settings import MODE, RETRIES, HISTORY, set_mode, reset_history

print("imported:", MODE, RETRIES, HISTORY)
set_mode("fast")
set_mode("safe")
print("after set_mode:", MODE, settings.MODE, HISTORY, settings.HISTORY)
reset_history()
settings.RETRIES += 5
print("after reset:", HISTORY, settings.HISTORY, RETRIES, settings.RETRIES)
set_mode("debug")
print("finally:", MODE, settings.MODE, len(HISTORY), len(settings.HISTORY))
