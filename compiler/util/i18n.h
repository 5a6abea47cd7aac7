/* i18n.h — the language of every message: Vietnamese, the source language, or English through gettext's catalogue. */
#ifndef BAOCAO_I18N_H
#define BAOCAO_I18N_H

/* The two languages of messages.  Vietnamese is the language the messages are written in (the
 * msgids of the catalogue), so it needs no catalogue; English is po/en.po. */
typedef enum bc_lang { BC_LANG_VI = 0, BC_LANG_EN } bc_lang;

/* The language the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set and
 * not empty, English when it starts with "en", Vietnamese otherwise (unset, C, POSIX, vi_VN).
 * LANGUAGE is not read: the choice is between two languages, made by the locale or --lang. */
bc_lang bc_lang_from_env(void);
/* The name of --lang's value: "en…" English, anything else Vietnamese. */
bc_lang bc_lang_from_name(const char *name);

/* The process's language, chosen once (main, after --lang); BC_LANG_VI until then. */
void bc_i18n_use(bc_lang lang);
bc_lang bc_i18n_lang(void);

/* msgid in `lang`: itself in Vietnamese, its translation in English (itself where the catalogue
 * lacks it or cannot be loaded).  bc_trc looks msgid up in a context (a diagnostic's code);
 * bc_ntr chooses the form for n (Vietnamese has one: msgid and plural are the same text). */
const char *bc_tr(bc_lang lang, const char *msgid) __attribute__((format_arg(2)));
const char *bc_trc(bc_lang lang, const char *context, const char *msgid) __attribute__((format_arg(3)));
const char *bc_ntr(bc_lang lang, const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(2))) __attribute__((format_arg(3)));

/* strerror(err) in the process's language (the reasons file operations fail; glibc's own
 * translations need a locale this machine may lack). */
const char *bc_strerror(int err);

/* The marks xgettext looks for (Makefile, `make po`): _ translates now, N_ only marks. */
#define _(s) bc_tr(bc_i18n_lang(), s)
#define N_(s) s

#endif
