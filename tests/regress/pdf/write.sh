# pdf-write: a file-size limit of 512 bytes (ulimit -f 1): libharu cannot write the PDF, and nothing is left behind
[ "$CMD" = pdf ] && ulimit -f 1
