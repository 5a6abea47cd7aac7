/* facts.h — the archival facts of a report (Nghị định 30/2020/NĐ-CP, Phụ lục VI), decided once for every output. */
#ifndef BAOCAO_FACTS_H
#define BAOCAO_FACTS_H

#include <stddef.h>

#include "../util/arena.h"
#include "report.h"
#include "vocab.h"

/*
 * The parser records what each line is; the facts are what an archive or an
 * exchange envelope asks of the whole document — its type name, number,
 * date, issuing body, subject, signer, recipients and urgency — worked out
 * from those lines in one place, so that the XML, a future archival package
 * or edXML envelope, and the typesetter do not each redo it their own way.
 * Every field is empty (or -1, or NULL) when the document does not state it.
 */

/* What one line of "Kính gửi:" or one item of "Nơi nhận:" is. */
typedef enum bc_recipient_kind {
	BC_RECIP_ADDRESSEE = 0, /* a "Kính gửi:" line of the header: an addressee */
	BC_RECIP_SENT,          /* a "Nơi nhận" item naming a body the document goes to */
	BC_RECIP_AS_ABOVE,      /* "- Như trên;": the addressees again, not one of its own */
	BC_RECIP_FILED          /* "- Lưu: VT, VP.": the copies kept, not a recipient */
} bc_recipient_kind;

typedef struct bc_recipient {
	bc_recipient_kind kind;
	/* Its words, white space collapsed, without "Kính gửi:" and without a
	 * trailing ';', ',', '.' or space: "Sở Tư pháp". */
	bc_str name;
	const bc_node *node;    /* the LINE(ADDRESSEE) or the ITEM */
} bc_recipient;

/* An addressee or a recipient the document is sent to, not "Như trên" or "Lưu". */
int bc_recipient_is_real(const bc_recipient *r);

typedef struct bc_facts {
	/* The parts of the document: the document's pointers, else the root's
	 * first child of that type (a model built by hand may leave them unset). */
	const bc_node *meta, *body, *closing, *notes;
	/* Header lines by role (bc_meta_line): NULL when the header has none. */
	const bc_node *doctype, *number, *dateline, *urgency;
	const bc_node *signature;  /* SIGNATURE of the closing */

	/* The Phụ lục VI fields. */
	bc_str type_name;       /* TypeName: the type line in sentence case ("Chương trình hành động"),
	                           the model's name for its type when the line has no words */
	bc_str code_number;     /* CodeNumber: "63" (empty when the line leaves it blank) */
	bc_str code_notation;   /* CodeNotation: "BC-UBND" */
	bc_str code_year;       /* not a field: the year of "30/2020/NĐ-CP" (the IssuedDate's year) */
	int issued_known;       /* IssuedDate: the dateline's date is complete and real */
	bc_date issued;
	/* When the header lost them: the (Kèm theo …) line of an appendix the
	 * number and symbol, or the date, were taken from (NULL: the header's). */
	const bc_node *number_from, *issued_from;
	bc_str organ_name;      /* OrganName: the issuer lines joined by one space */
	bc_str subject;         /* Subject: the title lines joined by one space */
	bc_str signer_position; /* SignerInfo/Position: the POSITION line, else the AUTHORITY
	                           lines ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH THƯỜNG TRỰC") */
	bc_str signer_name;     /* SignerInfo/FullName */
	/* Every "Kính gửi:" line, then every "Nơi nhận" item, in source order;
	 * the To fields are those for which bc_recipient_is_real holds. */
	bc_recipient *recipients;
	size_t nrecipients;
	/* Whose rules the document follows: the state's (Nghị định 30/2020) or the
	 * Party's (Hướng dẫn 36-HD/VPTW), from the header's motto, the issuer's and
	 * the signature's words, or the preamble naming a Party body as issuer. */
	bc_family family;
	/* Which guide lays a Party document out and checks it (vocab.h): Hướng dẫn
	 * 05-HD/VPTW for one dated on or after 27/5/2026, 36-HD/VPTW for one dated
	 * before; an undated one (a draft, a header lost) follows 05, the guide in
	 * force.  BC_GUIDE_ND30 for a state document. */
	bc_guide guide;
	int priority;           /* Priority/@code: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc,
	                           4 hỏa tốc hẹn giờ; -1 without an urgency line or for a text not known */
	bc_str priority_text;   /* Priority: the urgency line's words ("HỎA TỐC") */

	bc_arena arena;         /* owns the strings and the array above */
} bc_facts;

/* The document's facts, worked out once, on the first call, and kept with it
 * (freed by bc_document_free): what every output reads.  Call it only once the
 * tree is finished. */
const bc_facts *bc_document_facts(const bc_document *doc);

/* Fills *f from the document; release with bc_facts_free.  The document must
 * outlive the facts (nodes and some strings are the model's own). */
void bc_facts_compute(const bc_document *doc, bc_facts *f);
void bc_facts_free(bc_facts *f);

/* The header line of a role: the parser's index for the roles it indexes
 * (DOCTYPE, TITLE, NUMBER, DATELINE, DRAFT, URGENCY, SUMMARY), else the first
 * LINE of that role in `meta` (which may be NULL). */
const bc_node *bc_meta_line(const bc_document *doc, const bc_node *meta, bc_role role);

/* Whether n is a line naming the document's issuer: an ISSUER line of the
 * header at the top, or, when the top names none, of a consolidated text's
 * authentication block at its end (the body that consolidated it). */
int bc_issuer_line(const bc_document *doc, const bc_node *n);

/* Phụ lục VI code of an urgency text ("HỎA TỐC", "Hỏa tốc hẹn giờ", "KHẨN"), -1 when not known. */
int bc_priority_code(const char *s, size_t len);

/*
 * The list-item split the XML and the typesetter share: an ITEM whose first
 * child is inline has a text part — its inline children, set as one
 * paragraph — followed by its block children (a nested list, paragraphs); an
 * ITEM that begins with a block has no text part, only blocks.
 */
int bc_item_has_text(const bc_node *item);
/* The first inline node from c on (c itself included), NULL when none: walks an item's text part. */
const bc_node *bc_item_next_text(const bc_node *c);
/* The first block node from c on (c itself included), NULL when none: walks an item's blocks. */
const bc_node *bc_item_next_block(const bc_node *c);

#endif
