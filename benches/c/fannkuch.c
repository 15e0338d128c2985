/* fannkuch-redux, the same algorithm as benches/fannkuch.py. */
#include <stdio.h>

static int fannkuch(int n) {
    int perm1[32], count[32], perm[32];
    for (int i = 0; i < n; i++) perm1[i] = i;
    int max_flips = 0, checksum = 0, r = n, perm_count = 0;
    for (;;) {
        while (r != 1) { count[r - 1] = r; r--; }
        for (int i = 0; i < n; i++) perm[i] = perm1[i];
        int flips = 0, k = perm[0];
        while (k != 0) {
            int i = 0, j = k;
            while (i < j) { int t = perm[i]; perm[i] = perm[j]; perm[j] = t; i++; j--; }
            flips++;
            k = perm[0];
        }
        if (flips > max_flips) max_flips = flips;
        checksum += (perm_count % 2 == 0) ? flips : -flips;
        for (;;) {
            if (r == n) { printf("%d\n", checksum); return max_flips; }
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0) break;
            r++;
        }
        perm_count++;
    }
}

int main(void) {
    int n = 10;
    int m = fannkuch(n);
    printf("Pfannkuchen(%d) = %d\n", n, m);
    return 0;
}
