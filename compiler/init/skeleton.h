/* skeleton.h — the skeletons `baocao init TYPE` writes: one explicit-form document a kind, compiling as it is. */
#ifndef BAOCAO_SKELETON_H
#define BAOCAO_SKELETON_H

#include <stddef.h>

typedef struct bc_skeleton {
	const char *type;   /* the command line's name, the template's file name: "bao-cao" */
	const char *name;   /* the kind's Vietnamese name, as --list shows it: "Báo cáo" */
	const char *text;   /* the document, UTF-8, in the explicit form (FORMAT.md §11) */
} bc_skeleton;

/* Every skeleton, in the order --list shows them. */
const bc_skeleton *bc_skeletons(size_t *count);
/* The skeleton named `type`, or NULL. */
const bc_skeleton *bc_skeleton_find(const char *type);

#endif
