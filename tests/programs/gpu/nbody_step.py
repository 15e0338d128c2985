# an n-body style all-pairs kernel (float; printed rounded)
import gpu
import math


@gpu.kernel
def accel(px, py, mass, ax, ay):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    n = len(px)
    if i >= n:
        return
    fx = 0.0
    fy = 0.0
    for j in range(n):
        if j == i:
            continue
        dx = px[j] - px[i]
        dy = py[j] - py[i]
        d2 = dx * dx + dy * dy + 0.01
        inv = mass[j] / (d2 * math.sqrt(d2))
        fx += dx * inv
        fy += dy * inv
    ax[i] = fx
    ay[i] = fy


@gpu.kernel
def move(px, py, vx, vy, ax, ay, dt):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(px):
        vx[i] += ax[i] * dt
        vy[i] += ay[i] * dt
        px[i] += vx[i] * dt
        py[i] += vy[i] * dt


n = 24
px = [math.cos(i * 0.7) * (1.0 + i * 0.1) for i in range(n)]
py = [math.sin(i * 0.7) * (1.0 + i * 0.1) for i in range(n)]
mass = [1.0 + (i % 3) * 0.5 for i in range(n)]
vx = [0.0] * n
vy = [0.0] * n
ax = [0.0] * n
ay = [0.0] * n
for step in range(5):
    accel(px, py, mass, ax, ay, grid=(n + 7) // 8, block=8)
    move(px, py, vx, vy, ax, ay, 0.01, grid=(n + 7) // 8, block=8)
for i in range(0, n, 4):
    print(i, f"{px[i]:.6f} {py[i]:.6f} {vx[i]:.6f} {vy[i]:.6f}")
mx = 0.0
my = 0.0
for i in range(n):
    mx += mass[i] * vx[i]
    my += mass[i] * vy[i]
print(f"momentum {abs(mx) < 1e-9} {abs(my) < 1e-9}")
