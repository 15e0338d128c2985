# Infinities, NaN and negative zero, produced through math and arithmetic.
import math

inf = math.inf
nan = math.nan
print(inf, -inf, nan, -nan)
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / inf, 1 / inf, -1 / inf)
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308, 1e-320 / 1e10)
print(nan + 1, nan * 0, nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan)
print(inf == inf, -inf < inf, inf > 1e308, -inf < -1e308)
print(math.isnan(nan), math.isnan(inf), math.isinf(inf), math.isinf(-inf), math.isinf(nan))
print(math.isnan(inf - inf), math.isinf(1e308 * 10), math.isnan(0.0), math.isinf(1e308))
nz = -0.0
print(nz, 0.0, nz == 0.0, nz + 0.0, nz - 0.0, nz * 5, 0.0 * -1, -nz, nz * nz)
print(0.0 / -5, -0.0 / 5, math.sqrt(nz), math.fabs(nz), math.floor(nz), math.ceil(-0.5))
print(math.atan2(0.0, -1.0), math.atan2(nz, -1.0), math.atan2(nz, 1.0), -1 / inf * 0.0)
print(str(inf), str(-inf), str(nan), str(nz))
print(inf * inf, -inf * inf, inf + inf, inf - 1e308)
print(math.exp(-1000), math.exp(710 - 1000), math.sqrt(inf), math.log(inf))
print(1.7976931348623157e308 * 1.0000000000000002, 1.7976931348623157e308 + 1e292)
