# A vending machine as a state machine: state field, transition table, methods per event.


class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    COINS = [5, 10, 25, 100]

    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.stock = {"cola": 2, "chips": 1, "candy": 5}
        self.bank = 0
        self.log = []

    def _emit(self, msg):
        self.log.append(f"[{self.state}] {msg}")

    def insert(self, coin):
        if coin not in VendingMachine.COINS:
            self._emit(f"rejected coin {coin}")
            return
        self.credit += coin
        self.state = "has_credit"
        self._emit(f"credit {self.credit}")

    def select(self, item):
        if self.state == "idle":
            self._emit("insert coins first")
            return ""
        if item not in self.stock:
            self._emit(f"unknown item {item}")
            return ""
        if self.stock[item] == 0:
            self._emit(f"{item} sold out")
            return ""
        price = VendingMachine.PRICES[item]
        if self.credit < price:
            self._emit(f"need {price - self.credit} more for {item}")
            return ""
        self.stock[item] -= 1
        self.credit -= price
        self.bank += price
        self._emit(f"vend {item}")
        if self.credit == 0:
            self.state = "idle"
        return item

    def refund(self):
        coins = self.make_change(self.credit)
        self.credit = 0
        self.state = "idle"
        self._emit(f"refund {coins}")
        return coins

    @staticmethod
    def make_change(amount):
        out = []
        for c in sorted(VendingMachine.COINS, reverse=True):
            while amount >= c:
                out.append(c)
                amount -= c
        return out


vm = VendingMachine()
vm.select("cola")
vm.insert(100)
vm.insert(3)
vm.select("cola")
vm.insert(25)
vm.insert(25)
got = vm.select("cola")
print("got:", repr(got), "credit", vm.credit, "state", vm.state)
vm.insert(100)
vm.insert(100)
print(vm.select("chips"), vm.select("chips"), vm.select("cola"), vm.select("gum"))
print("refund", vm.refund())
for coin in [25, 25, 10, 5]:
    vm.insert(coin)
print(vm.select("candy"), vm.credit, vm.state)
print(vm.select("candy"))
print(vm.refund(), vm.state)
for line in vm.log:
    print(line)
print("bank", vm.bank, "stock", vm.stock)
print(VendingMachine.make_change(290), VendingMachine.make_change(0))
