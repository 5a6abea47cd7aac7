/* diag2po.c — the diagnostics' texts of diag_codes.def as gettext catalogue entries: "pot" (to translate) or "en" (its English column). */
#include <stdio.h>
#include <string.h>

static const struct {
	const char *id, *level, *vi, *en;
} codes[] = {
#define BC_DIAG(code, id, level, vi, en) { id, #level, vi, en },
#include "../compiler/diag/diag_codes.def"
#undef BC_DIAG
};

/* s as the inside of a PO string */
static void po_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else
			putchar(*s);
	}
	puts("\"");
}

int main(int argc, char **argv)
{
	int en = argc == 2 && strcmp(argv[1], "en") == 0;
	if (argc != 2 || (!en && strcmp(argv[1], "pot") != 0)) {
		fputs("usage: diag2po pot|en\n", stderr);
		return 2;
	}
	puts("# The texts of baocao's diagnostics, made from compiler/diag/diag_codes.def by po/diag2po.c.");
	puts("# Each is in the context of its code (msgctxt), as `baocao check` prints it in brackets.");
	puts("msgid \"\"");
	puts("msgstr \"\"");
	puts("\"Project-Id-Version: baocao\\n\"");
	puts("\"MIME-Version: 1.0\\n\"");
	puts("\"Content-Type: text/plain; charset=UTF-8\\n\"");
	puts("\"Content-Transfer-Encoding: 8bit\\n\"");
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
		printf("\n#. [%s] %s\n#: compiler/diag/diag_codes.def\nmsgctxt ", codes[i].id, codes[i].level);
		po_string(codes[i].id);
		fputs("msgid ", stdout);
		po_string(codes[i].vi);
		fputs("msgstr ", stdout);
		po_string(en ? codes[i].en : "");
	}
	return 0;
}
