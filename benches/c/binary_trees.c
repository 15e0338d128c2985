/* C twin of benchmarks/binary_trees.py: same trees, same output.
   Build: gcc -O2 -o binary_trees binary_trees.c
   Run:   ./binary_trees [max_depth]   (default 14) */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    struct Node *left;
    struct Node *right;
} Node;

static Node *new_node(Node *left, Node *right) {
    Node *n = malloc(sizeof(Node));
    if (!n) {
        perror("malloc");
        exit(1);
    }
    n->left = left;
    n->right = right;
    return n;
}

static Node *make_tree(int depth) {
    if (depth == 0)
        return new_node(NULL, NULL);
    depth -= 1;
    Node *l = make_tree(depth);
    Node *r = make_tree(depth);
    return new_node(l, r);
}

static long check(const Node *node) {
    if (node->left == NULL || node->right == NULL)
        return 1;
    return 1 + check(node->left) + check(node->right);
}

static void free_tree(Node *node) {
    if (node->left) free_tree(node->left);
    if (node->right) free_tree(node->right);
    free(node);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 14;
    int min_depth = 4;
    int max_depth = n > min_depth + 2 ? n : min_depth + 2;
    int stretch_depth = max_depth + 1;

    Node *stretch = make_tree(stretch_depth);
    printf("stretch tree of depth %d\t check: %ld\n", stretch_depth, check(stretch));
    free_tree(stretch);

    Node *long_lived = make_tree(max_depth);

    for (int depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long total = 0;
        for (long i = 0; i < iterations; i++) {
            Node *t = make_tree(depth);
            total += check(t);
            free_tree(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, total);
    }

    printf("long lived tree of depth %d\t check: %ld\n", max_depth, check(long_lived));
    free_tree(long_lived);
    return 0;
}
