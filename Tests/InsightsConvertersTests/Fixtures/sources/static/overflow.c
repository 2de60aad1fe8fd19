#include <stdlib.h>

int leak_and_divide(int n) {
    int *buffer = malloc(sizeof(int) * 4);
    int zero = 0;
    if (n > 2) {
        return n / zero;
    }
    buffer[0] = n;
    return 0;
}
