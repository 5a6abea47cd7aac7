# --shape typed: nothing is restored, the letters stay as the input has them
[ "$CMD" = pdf ] || ARGS="--shape typed"
