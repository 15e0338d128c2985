# continue outside of any loop (inside a function, after a loop).
# expect: continue
# expect: loop
# at: 8
def f(n):
    for i in range(n):
        print(i)
    continue


f(3)
