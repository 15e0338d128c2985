# with statements are not in this milestone.
# expect: does not support
# expect: with
# at: 5
with open("data.txt") as f:
    print("opened")
