# inf, nan and -0.0 through format specs.
import math

inf = math.inf
nan = math.nan
for v in [inf, -inf, nan, -0.0]:
    print(f"[{v}] [{v:f}] [{v:.2f}] [{v:e}] [{v:g}] [{v:8.2f}] [{v:<8}] [{v:+f}] [{v:+g}] [{v:08.2f}]")
print(f"{1e308 * 10:,.2f} {-(1e308 * 10):,}")
