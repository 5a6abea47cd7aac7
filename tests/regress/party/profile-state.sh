ARGS="--profile state"
