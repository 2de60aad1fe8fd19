#!/bin/bash
# Second fixture script: one error-level finding and a clean remainder.
dir="$1"
rm -rf "$dir"/*
echo "removed ${#@} arguments: $@"
