# Graph algorithms over dicts: adjacency dict of lists, BFS with a list queue, visited sets, shortest paths, degree dict, edges as tuples, connected components
edges = [("a", "b"), ("b", "c"), ("c", "d"), ("a", "e"), ("e", "d"), ("f", "g"), ("g", "h"), ("h", "f"), ("d", "i")]
adj = {}
for u, v in edges:
    if u not in adj:
        adj[u] = []
    if v not in adj:
        adj[v] = []
    adj[u].append(v)
    adj[v].append(u)
for node in sorted(adj):
    print(node, "->", ",".join(sorted(adj[node])))
def bfs(start):
    dist = {start: 0}
    parent = {start: start}
    queue = [start]
    while queue:
        cur = queue.pop(0)
        for nxt in sorted(adj[cur]):
            if nxt not in dist:
                dist[nxt] = dist[cur] + 1
                parent[nxt] = cur
                queue.append(nxt)
    return dist, parent
dist, parent = bfs("a")
print(dist)
def path_to(target):
    path = [target]
    while parent[path[-1]] != path[-1]:
        path.append(parent[path[-1]])
    return path[::-1]
print(" -> ".join(path_to("i")), len(path_to("i")) - 1)
seen = set()
components = []
for node in sorted(adj):
    if node in seen:
        continue
    d, _ = bfs(node)
    comp = set(d.keys())
    for c in comp:
        seen.add(c)
    components.append(sorted(comp))
print(len(components), components)
degree = {n: len(vs) for n, vs in adj.items()}
print(sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
edge_set = {(min(u, v), max(u, v)) for u, v in edges}
print(("a", "b") in edge_set, ("b", "a") in edge_set, len(edge_set))
triangles = [(x, y, z) for (x, y) in sorted(edge_set) for z in sorted(adj) if y < z and (x, z) in edge_set and (y, z) in edge_set]
print(triangles)
leaves = {n for n in adj if degree[n] == 1}
print(leaves, leaves <= set(adj.keys()), leaves & {"i", "a"})
ecc = {n: max(bfs(n)[0].values()) for n in components[0]}
print(ecc, min(ecc.values()))
