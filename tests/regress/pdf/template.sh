# pdf-template: a template with a page 10 mm wide, narrower than its own margins
sed 's#<page width="210"#<page width="10"#' "$ROOT/templates/bao-cao.xml" >narrow-template.xml
[ "$CMD" = pdf ] && ARGS="--template narrow-template.xml"
