# Multi-file program: generators and closure factories from a package, composed in main.
import streamlib
from streamlib import sources, filters
from streamlib.sinks import collect, summarize
import streamlib.sinks as sinks

print("main: streamlib", streamlib.VERSION)


def main():
    nums = [4, 17, 8, 23, 15, 42, 16, 3, 9]
    print(collect(sources.from_list(nums)))
    big = filters.make_above(10)
    even = filters.make_predicate_even()
    print(collect(filters.keep(big, sources.from_list(nums))))
    print(collect(filters.keep(even, filters.keep(big, sources.from_list(nums)))))
    print(collect(sources.take(5, sources.counter(100, 7))))
    print(summarize(filters.keep(big, sources.take(20, sources.counter(1, 3)))))
    scaler = filters.make_scaler(3)
    print(collect(filters.apply(scaler, sources.from_list([1, 2, 3]))))
    print(collect(sources.windows(nums, 3)))
    lines = sources.lines_of("alpha 1\nbeta 22\n\ngamma 333\n")
    print(collect(filters.apply(filters.make_field(1), lines)))
    print(sinks.COLLECTED, streamlib.stats())
    counter = sources.counter(1, 1)
    print(next(counter), next(counter), sinks.first(counter, 0), next(counter))
    print(sinks.first(sources.from_list([]), -1), sinks.first(sources.from_list([5]), -1))


if __name__ == "__main__":
    main()
