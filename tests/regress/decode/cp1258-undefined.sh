ARGS="--encoding cp1258"
