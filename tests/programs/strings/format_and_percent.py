# str.format (auto/indexed/named fields, conversions, specs) and %-formatting (flags, width, precision, every conversion), compiled from literal templates
name = "Ada"
n = 42
x = 3.14159
print("Hello, {}! You are {} years old.".format(name, n))
print("{0} {1} {0}".format("a", "b"), "{:>8}|{:<6}|{:^7}|".format(name, n, "mid"))
print("{:.2f} {:08.3f} {:+d} {:x} {:#b} {:,}".format(x, x, n, 255, 5, 1234567))
print("{name} is {age}".format(name=name, age=n), "{!r} {!s}".format(name, name), "{{literal}} {}".format(1))
print("%s has %d items costing %.2f" % (name, n, x))
print("%5d|%-5d|%05d|%+d|%x|%X|%o|%#x" % (n, n, n, n, 255, 255, 8, 255))
print("%10.3f|%-10.2e|%g|%G" % (x, 12345.678, 0.0001, 1e20))
print("%s %r %c %c %%" % ("str", "str", 65, "z"))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%d%%" % 50, "%s" % [1, 2], "%s" % (1,))
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25)]
for r in rows:
    print("%-8s %3d %6.2f" % r)
print("{:>10}".format("right"), "{:*^9}".format("c"))
print("%d items" % (1, 2))
