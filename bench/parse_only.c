/* parse_only.c — the front of the compiler alone: read, decode, parse, free; for timing the parser without check, XML or PDF. */
#include <stdio.h>
#include <stdlib.h>

#include "../compiler/diag/diag.h"
#include "../compiler/input/decode.h"
#include "../compiler/lex/patterns.h"
#include "../compiler/parse/parse.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: parse_only FILE.txt\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	size_t cap = 1 << 16, n = 0, r;
	unsigned char *buf = malloc(cap);
	while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			unsigned char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "parse_only: out of memory\n");
		return 2;
	}
	bc_patterns_init();
	bc_diags diags;
	bc_diags_init(&diags);
	bc_source src = { 0 };
	int rc = 0;
	if (bc_decode(buf, n, NULL, &src, &diags) != 0) {
		rc = 1;
	} else {
		bc_document *doc = bc_parse(argv[1], src.text, src.len, &diags);
		printf("%zu bytes, %zu diagnostics\n", src.len, diags.n);
		bc_document_free(doc);
		bc_source_free(&src);
	}
	free(buf);
	bc_diags_free(&diags);
	bc_patterns_free();
	return rc;
}
