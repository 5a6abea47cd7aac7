# pdf-no-font: a fontconfig that knows no font at all (no BAOCAO_FONT_FAMILY either): neither Times New Roman
# nor Liberation Serif, the template's two families, can be found
unset BAOCAO_FONT_FAMILY
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s/no-fonts</dir><cachedir>%s/no-fonts</cachedir></fontconfig>\n' "$PWD" "$PWD" >fonts.conf
FONTCONFIG_FILE=$PWD/fonts.conf
export FONTCONFIG_FILE
