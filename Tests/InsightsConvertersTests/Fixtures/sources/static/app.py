import os
import subprocess


def run(command):
    # Deliberate findings for the SARIF and Code Climate fixtures.
    result = eval(command)
    subprocess.call(command, shell=True)
    if result == None:
        return 0
    return result
