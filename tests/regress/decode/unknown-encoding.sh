# unknown-encoding: an encoding baocao does not know (VNI is not supported)
ARGS="--encoding vni"
