# a 256 MiB input is read by each command: not under valgrind
HEAVY=1
