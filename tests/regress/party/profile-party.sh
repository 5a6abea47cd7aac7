ARGS="--profile party"
