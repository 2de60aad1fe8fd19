#include "clamp.h"

int clamp_low(int value) {
    return clamp(value, 0, 10);
}
