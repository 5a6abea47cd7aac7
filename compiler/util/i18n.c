/* i18n.c — the language of messages: chosen once, Vietnamese as written, English from the gettext catalogue (po/en.po). */
#include "i18n.h"

#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BAOCAO_LOCALEDIR
#define BAOCAO_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "baocao"

static bc_lang current = BC_LANG_VI;

bc_lang bc_lang_from_name(const char *name) { return name && strncmp(name, "en", 2) == 0 ? BC_LANG_EN : BC_LANG_VI; }

bc_lang bc_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return bc_lang_from_name(v);
	}
	return BC_LANG_VI;
}

/* Where the catalogues are: beside the program in its build tree (build/locale), then relative
 * to an installed program (PREFIX/bin/../share/locale, which also finds them in a DESTDIR before
 * the files are moved into place), then the build tree's seen from the unit tests and tools
 * (build/tests/../locale), then where `make install` put them.  The English catalogue is the
 * probe: it is always built. */
static void bind_catalogue(void)
{
	static const char *const rel[] = { "locale", "../share/locale", "../locale" };
	static const char probe[] = "/en/LC_MESSAGES/" DOMAIN ".mo";
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
	if (slash) {
		slash[1] = '\0';
		for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
			char dir[PATH_MAX + 64], file[PATH_MAX + 128];
			snprintf(dir, sizeof dir, "%s%s", exe, rel[i]);
			snprintf(file, sizeof file, "%s%s", dir, probe);
			if (access(file, R_OK) == 0) {
				bindtextdomain(DOMAIN, dir);
				return;
			}
		}
	}
	bindtextdomain(DOMAIN, BAOCAO_LOCALEDIR);
}

/*
 * glibc's gettext translates nothing while LC_MESSAGES is the "C" or "POSIX" locale, and that is
 * what a process gets when LANG is unset, is C, or names a locale the machine has not generated
 * (LANG=en_US.UTF-8 on a server with only C.UTF-8).  So for English LC_MESSAGES (that category
 * alone: numbers, character classes and collation stay "C", and no output changes with the
 * locale) is set to the environment's locale when it exists, otherwise to C.UTF-8 (part of glibc
 * since 2.35 and of Debian's libc-bin) or an English locale, and LANGUAGE=en names the catalogue:
 * glibc reads LANGUAGE before the locale's name whenever the locale is not "C".  Where no such
 * locale exists the messages stay Vietnamese.  The catalogue's bytes are UTF-8 whatever the
 * locale's character set (bind_textdomain_codeset): without it glibc would convert them to the
 * "C" locale's ASCII, question marks for every accented letter.
 */
static int english_ready;

static void prepare_english(void)
{
	if (english_ready)
		return;
	english_ready = 1;
	int saved = errno;
	bind_catalogue();
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	setenv("LANGUAGE", "en", 1);
	const char *l = setlocale(LC_MESSAGES, "");
	if (!l || strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0) {
		static const char *const fallbacks[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8", "en_GB.UTF-8" };
		for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++)
			if (setlocale(LC_MESSAGES, fallbacks[i]))
				break;
	}
	errno = saved;   /* the caller may be about to print errno's reason */
}

void bc_i18n_use(bc_lang lang)
{
	current = lang;
	if (lang == BC_LANG_EN)
		prepare_english();
}

bc_lang bc_i18n_lang(void) { return current; }

const char *bc_tr(bc_lang lang, const char *msgid)
{
	if (lang == BC_LANG_VI || !*msgid)
		return msgid;
	prepare_english();
	int saved = errno;
	const char *s = dgettext(DOMAIN, msgid);
	errno = saved;
	return s;
}

const char *bc_ntr(bc_lang lang, const char *msgid, const char *plural, unsigned long n)
{
	if (lang == BC_LANG_VI)
		return n == 1 ? msgid : plural;
	prepare_english();
	int saved = errno;
	const char *s = dngettext(DOMAIN, msgid, plural, n);
	errno = saved;
	return s;
}

/* gettext's convention for a message in a context (msgctxt): the key is the context, byte 4,
 * then the message; a key the catalogue lacks comes back as itself. */
const char *bc_trc(bc_lang lang, const char *context, const char *msgid)
{
	if (lang == BC_LANG_VI)
		return msgid;
	prepare_english();
	size_t c = strlen(context), m = strlen(msgid);
	char small[1024];
	char *key = c + m + 2 <= sizeof small ? small : malloc(c + m + 2);
	if (!key)
		return msgid;
	memcpy(key, context, c);
	key[c] = '\004';
	memcpy(key + c + 1, msgid, m + 1);
	int saved = errno;
	const char *s = dgettext(DOMAIN, key);
	errno = saved;
	if (s == key)
		s = msgid;
	if (key != small)
		free(key);
	return s;
}

/* The reasons a file operation of this program can fail, in Vietnamese; po/en.po gives each the
 * words of glibc's strerror, so that English reads as it did before the catalogue. */
static const struct {
	int err;
	const char *text;
} reasons[] = {
	{ ENOENT, N_("không có tệp hoặc thư mục này") },
	{ EACCES, N_("không có quyền truy cập") },
	{ EPERM, N_("thao tác không được phép") },
	{ ENOSPC, N_("thiết bị đã hết chỗ trống") },
	{ EDQUOT, N_("vượt quá hạn ngạch đĩa") },
	{ EFBIG, N_("tệp quá lớn") },
	{ EISDIR, N_("là một thư mục") },
	{ ENOTDIR, N_("không phải là thư mục") },
	{ ELOOP, N_("quá nhiều cấp liên kết tượng trưng") },
	{ ENAMETOOLONG, N_("tên tệp quá dài") },
	{ EROFS, N_("hệ thống tệp chỉ cho đọc") },
	{ EEXIST, N_("tệp đã có") },
	{ EIO, N_("lỗi vào/ra") },
	{ EPIPE, N_("đường ống đã bị đóng") },
	{ EBADF, N_("số mô tả tệp không hợp lệ") },
	{ ENOMEM, N_("không cấp phát được bộ nhớ") },
	{ EMFILE, N_("quá nhiều tệp đang mở") },
	{ ENXIO, N_("không có thiết bị hoặc địa chỉ này") },
	{ ENODEV, N_("không có thiết bị này") },
	{ ETXTBSY, N_("tệp đang được dùng") },
	{ EXDEV, N_("liên kết chéo thiết bị không hợp lệ") },
	{ EINVAL, N_("đối số không hợp lệ") },
	{ EINTR, N_("lời gọi hệ thống bị ngắt") },
	{ EAGAIN, N_("tài nguyên tạm thời không dùng được") },
};

const char *bc_strerror(int err)
{
	for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
		if (reasons[i].err == err)
			return _(reasons[i].text);
	return strerror(err);   /* a reason no file operation here gives: glibc's words */
}
