#!/bin/sh
# Sample script with deliberate shellcheck findings (fixture input).
target=$1
files=$(ls *.txt)
for f in $files; do
  echo "copying $f to $target"
  cp $f $target
done
cd /tmp
read name
echo "Hello $nme" > `echo out.txt`
if [ $target == "prod" ]; then
  echo "done"
fi
if [ -n $name ]; then
  echo "named"
fi
