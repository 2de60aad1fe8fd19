int unused_and_uninitialised(void) {
    int unused;
    int value;
    return value;
}
