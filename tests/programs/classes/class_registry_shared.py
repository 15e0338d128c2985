# Class-level mutable state shared by all instances: a registry list and dict on the class.


class Plugin:
    registry = []
    by_name = {}
    loads = 0

    def __init__(self, name, priority):
        self.name = name
        self.priority = priority
        self.enabled = True
        Plugin.registry.append(self)
        Plugin.by_name[name] = self

    def run(self, text):
        Plugin.loads += 1
        return text

    def __repr__(self):
        return f"{type(self).__name__}({self.name}, p={self.priority})"

    @classmethod
    def active(cls):
        return sorted([p for p in cls.registry if p.enabled], key=lambda p: p.priority)

    @classmethod
    def pipeline(cls, text):
        for p in cls.active():
            text = p.run(text)
        return text


class Upper(Plugin):
    def run(self, text):
        super().run(text)
        return text.upper()


class Strip(Plugin):
    def run(self, text):
        super().run(text)
        return text.strip()


class Exclaim(Plugin):
    def __init__(self, name, priority, count):
        super().__init__(name, priority)
        self.count = count

    def run(self, text):
        super().run(text)
        return text + "!" * self.count


class Reverse(Plugin):
    def run(self, text):
        super().run(text)
        return text[::-1]


print(len(Plugin.registry))
Upper("upper", 20)
Strip("strip", 10)
Exclaim("bang", 30, 2)
print(Plugin.registry)
print(Plugin.pipeline("  hello world  "))
Reverse("rev", 5)
print(Plugin.active())
print(repr(Plugin.pipeline("  abc ")))
Plugin.by_name["upper"].enabled = False
print(Plugin.pipeline(" quiet "))
Plugin.by_name["bang"].priority = 1
print(Plugin.active())
print(Plugin.pipeline("xyz"))
print("loads:", Plugin.loads)
print(sorted(Plugin.by_name))
print(len(Upper.registry), Upper.registry is Plugin.registry)
