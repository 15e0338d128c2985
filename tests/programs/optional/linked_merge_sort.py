# Linked-list algorithms on None-or-Node: merge two sorted lists, merge sort, Floyd cycle detection.
import random


class ListNode:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next


def from_list(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def to_list(head):
    out = []
    while head is not None:
        out.append(head.val)
        head = head.next
    return out


def merge(a, b):
    dummy = ListNode(0)
    tail = dummy
    while a is not None and b is not None:
        if a.val <= b.val:
            tail.next = a
            a = a.next
        else:
            tail.next = b
            b = b.next
        tail = tail.next
    tail.next = a if a is not None else b
    return dummy.next


def split(head):
    slow = head
    fast = head.next
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
    second = slow.next
    slow.next = None
    return second


def merge_sort(head):
    if head is None or head.next is None:
        return head
    second = split(head)
    return merge(merge_sort(head), merge_sort(second))


def has_cycle(head):
    slow = head
    fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:
            return True
    return False


def cycle_length(head):
    slow = head
    fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast and slow is not None:
            n = 1
            p = slow.next
            while p is not slow and p is not None:
                n += 1
                p = p.next
            return n
    return 0


print(to_list(merge(from_list([1, 4, 9]), from_list([2, 3, 10, 11]))))
print(to_list(merge(from_list([]), from_list([5, 6]))), to_list(merge(None, None)))
print(to_list(merge_sort(from_list([5, 1, 4, 2, 3]))))
print(to_list(merge_sort(from_list([]))), to_list(merge_sort(from_list([7]))))
random.seed(11)
for n in [10, 33, 100]:
    vals = [random.randint(-50, 50) for _ in range(n)]
    s = to_list(merge_sort(from_list(vals)))
    print(n, s == sorted(vals), s[:8])

lst = from_list(list(range(8)))
print(has_cycle(lst), cycle_length(lst))
tail = lst
while tail is not None and tail.next is not None:
    tail = tail.next
target = lst
for _ in range(3):
    if target is not None:
        target = target.next
if tail is not None:
    tail.next = target
print(has_cycle(lst), cycle_length(lst))
print(has_cycle(None), has_cycle(ListNode(1)))
one = ListNode(1)
one.next = one
print(has_cycle(one), cycle_length(one))
