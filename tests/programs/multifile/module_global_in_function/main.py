# A module's variable assigned only inside its functions (`global total`) is the module's own,
# not the main program's `total`.
import stats
total = 100
stats.record(4)
print(stats.report(), stats.total, total)
