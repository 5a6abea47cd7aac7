// typst-node.js — `node bench/typst-node.js IN.typ OUT.pdf FONTDIR...`: Typst 0.14's compiler, through its Node binding (typst.ts), for make bench-peers where no typst binary is installed.
'use strict';
const fs = require('fs');
const path = require('path');
const binding = process.env.TYPST_TS || '@myriaddreamin/typst-ts-node-compiler';
const { NodeCompiler } = require(binding);
const [input, output, ...fontPaths] = process.argv.slice(2);
if (!input || !output) {
	console.error('usage: node typst-node.js IN.typ OUT.pdf [FONTDIR...]');
	process.exit(2);
}
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(input)), fontArgs: [{ fontPaths }] });
const compiled = compiler.compile({ mainFilePath: path.resolve(input) });
if (compiled.hasError() || !compiled.result) {
	compiled.printErrors();
	process.exit(2); /* bench/runs counts 1 as success (check's findings) */
}
fs.writeFileSync(output, compiler.pdf(compiled.result));
