# 0/1 knapsack and coin change with dynamic programming over lists.
weights = [12, 7, 11, 8, 9, 6, 14, 5, 3, 10]
values = [24, 13, 23, 15, 16, 11, 28, 9, 5, 19]


def knapsack(cap):
    best = [0] * (cap + 1)
    for i in range(len(weights)):
        w = weights[i]
        v = values[i]
        c = cap
        while c >= w:
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
            c -= 1
    return best[cap]


for cap in [0, 5, 10, 20, 26, 40, 60, 85, 100]:
    print("capacity", cap, "value", knapsack(cap))


def coin_ways(amount, coins):
    ways = [0] * (amount + 1)
    ways[0] = 1
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]


def min_coins(amount, coins):
    inf = amount + 1
    dp = [inf] * (amount + 1)
    dp[0] = 0
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a and dp[a - coin] + 1 < dp[a]:
                dp[a] = dp[a - coin] + 1
    return dp[amount] if dp[amount] != inf else -1


coins = [1, 2, 5, 10, 20, 50, 100, 200]
for amount in [0, 1, 7, 100, 200, 1000]:
    print("amount", amount, "ways", coin_ways(amount, coins), "min coins", min_coins(amount, coins))
print(min_coins(7, [2, 4]), min_coins(11, [5, 7]))
