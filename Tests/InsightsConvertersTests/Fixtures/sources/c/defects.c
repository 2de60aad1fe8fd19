#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point {
    int x;
    int y;
};

static int null_dereference(void) {
    int *p = NULL;
    return *p;
}

static int out_of_bounds(void) {
    int values[4];
    values[4] = 1;
    return values[0];
}

static int uninitialised(void) {
    int total;
    return total + 1;
}

static int redundant_check(const struct point *point) {
    int x = point->x;
    if (point == NULL) {
        return 0;
    }
    return x;
}

static void leak(void) {
    char *buffer = malloc(16);
    strcpy(buffer, "leak");
}

static int same_branches(int n) {
    int y;
    if (n > 0) {
        y = n * 2;
    } else {
        y = n * 2;
    }
    return y;
}

static int type_pun(const float *f) {
    return *(const int *)f;
}

static void count(int n) {
    int i = 0;
    if (n > 0) {
        for (i = 0; i < n; i++) {
            printf("%d\n", i);
        }
    }
}

void never_called(void) {
    char text[8];
    sprintf(text, "%s", "too long for it");
}

int main(void) {
    struct point origin = {0, 0};
    float half = 0.5f;
    leak();
    count(3);
    return null_dereference() + out_of_bounds() + uninitialised() + redundant_check(&origin) + same_branches(1)
        + type_pun(&half);
}
