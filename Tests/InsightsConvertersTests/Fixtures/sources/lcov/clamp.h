#ifndef CLAMP_H
#define CLAMP_H

/* Included by both translation units: each gets its own copy, and gcov reports the header once per unit. */
static inline int clamp(int value, int low, int high) {
    if (value < low) {
        return low;
    }
    if (value > high) {
        return high;
    }
    return value;
}

#endif
