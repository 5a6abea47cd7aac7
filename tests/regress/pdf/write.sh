# a file-size limit of 512 bytes (ulimit -f 1): the PDF, typeset in memory, cannot be written; the program says so
# (an I/O failure, exit 2, no diagnostic code) and leaves nothing behind
[ "$CMD" = pdf ] && ulimit -f 1
