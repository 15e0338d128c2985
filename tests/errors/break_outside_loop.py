# break outside of any loop.
# expect: break
# expect: outside loop
# at: 7
x = 5
if x > 3:
    break
print(x)
