/* Longest common subsequence, the same algorithm and inputs as benches/lcs.py. */
#include <stdio.h>
#include <stdlib.h>

static void make(char *out, int n, long long seed) {
    long long s = seed;
    for (int i = 0; i < n; i++) {
        s = (s * 1103515245 + 12345) % 2147483648LL;
        out[i] = (char)('a' + (s >> 16) % 4);
    }
    out[n] = 0;
}

static int lcs(const char *a, int n, const char *b, int m) {
    int *prev = calloc(m + 1, sizeof(int)), *cur = calloc(m + 1, sizeof(int));
    for (int i = 1; i <= n; i++) {
        char ca = a[i - 1];
        for (int j = 1; j <= m; j++) {
            if (ca == b[j - 1]) cur[j] = prev[j - 1] + 1;
            else cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
        }
        int *t = prev; prev = cur; cur = t;
    }
    int r = prev[m];
    free(prev); free(cur);
    return r;
}

int main(void) {
    static char a[4001], b[4001];
    make(a, 4000, 1);
    make(b, 4000, 2);
    printf("%.20s %.20s %d\n", a, b, lcs(a, 4000, b, 4000));
    return 0;
}
