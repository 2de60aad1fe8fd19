"""A tiny module for coverage fixtures."""


def add(a, b):
    return a + b


def divide(a, b):
    if b == 0:
        raise ZeroDivisionError("b must not be zero")
    return a / b


def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value


def describe(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    else:
        kind = "positive"
    return kind


def unused(x):
    y = x * 2
    z = y + 1
    return z
