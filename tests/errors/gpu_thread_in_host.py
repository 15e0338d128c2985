# Thread indices exist only inside GPU code.
# expect: `gpu.thread.x` can only be used in GPU code
# at: 6
import gpu

print(gpu.thread.x)
