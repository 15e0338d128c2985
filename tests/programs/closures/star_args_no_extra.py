# *args functions called with no extra arguments: the body indexes the tuple in a branch or loop that does not run.


def first_or(default, *values):
    return values[0] if len(values) > 0 else default


def largest(*nums):
    best = 0
    for i in range(len(nums)):
        if i == 0 or nums[i] > best:
            best = nums[i]
    return best


def summary(label, *nums):
    if not nums:
        return f"{label}: empty"
    return f"{label}: first={nums[0]} last={nums[-1]} total={sum(nums)}"


print(first_or(-1, 7, 8), first_or(-1))
print(largest(3, 9, 2), largest(5), largest())
print(summary("a", 1, 2, 3))
print(summary("b"))
