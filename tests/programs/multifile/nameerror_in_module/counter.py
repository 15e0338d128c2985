# A module whose function reads one of the module's globals before it is assigned (while the
# module is being imported): the report names it without the module prefix, and suggests from
# this module's own names.
countx = 0


def get():
    return counts + countx


print(get())
counts = 1
