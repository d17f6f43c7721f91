from dvk.cli import run

run()
