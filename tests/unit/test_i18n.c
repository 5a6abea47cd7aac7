/* test_i18n.c — unit tests for the language of messages: the choice by locale and --lang, English from the catalogue, the reasons of failed file operations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../compiler/diag/diag.h"
#include "../../compiler/util/i18n.h"

static void clear_locale_env(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
}

/* the first of LC_ALL, LC_MESSAGES, LANG set and not empty decides; "en…" is English, anything else Vietnamese */
static void test_lang_from_env(void **state)
{
	(void)state;
	clear_locale_env();
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	setenv("LANG", "C", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	setenv("LANG", "POSIX", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	setenv("LANG", "vi_VN.UTF-8", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	setenv("LANG", "en_US.UTF-8", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_EN);
	setenv("LC_MESSAGES", "vi_VN.UTF-8", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	setenv("LC_MESSAGES", "", 1);   /* empty: the next one decides */
	assert_int_equal(bc_lang_from_env(), BC_LANG_EN);
	setenv("LC_ALL", "C", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	setenv("LC_ALL", "en_GB", 1);
	setenv("LANG", "vi_VN", 1);
	assert_int_equal(bc_lang_from_env(), BC_LANG_EN);
	clear_locale_env();
	setenv("LANGUAGE", "en", 1);   /* never read */
	assert_int_equal(bc_lang_from_env(), BC_LANG_VI);
	unsetenv("LANGUAGE");
	assert_int_equal(bc_lang_from_name("en"), BC_LANG_EN);
	assert_int_equal(bc_lang_from_name("vi"), BC_LANG_VI);
	assert_int_equal(bc_lang_from_name(NULL), BC_LANG_VI);
}

/* Vietnamese is the messages themselves; English comes from the catalogue of the build tree
 * (build/locale, which `make test` builds first), also with LANG=C and no English locale here */
static void test_english_from_catalogue(void **state)
{
	(void)state;
	clear_locale_env();
	setenv("LANG", "C", 1);
	assert_string_equal(bc_tr(BC_LANG_VI, "không mở được"), "không mở được");
	assert_string_equal(bc_tr(BC_LANG_EN, "không mở được"), "cannot open");
	/* a diagnostic's English is the fifth column of diag_codes.def */
	assert_string_equal(bc_diag_text(BC_E_EMPTY, BC_LANG_VI), "tệp đầu vào rỗng");
	assert_string_equal(bc_diag_text(BC_E_EMPTY, BC_LANG_EN), "input is empty");
	assert_string_equal(bc_level_name(BC_LEVEL_FATAL, BC_LANG_EN), "fatal");
	assert_string_equal(bc_level_name(BC_LEVEL_FATAL, BC_LANG_VI), "lỗi nghiêm trọng");
	/* English has two forms, Vietnamese one */
	assert_string_equal(bc_ntr(BC_LANG_EN, "%zu lỗi", "%zu lỗi", 1), "%zu error");
	assert_string_equal(bc_ntr(BC_LANG_EN, "%zu lỗi", "%zu lỗi", 2), "%zu errors");
	assert_string_equal(bc_ntr(BC_LANG_VI, "%zu lỗi", "%zu lỗi", 2), "%zu lỗi");
	/* a message the catalogue lacks is itself */
	assert_string_equal(bc_tr(BC_LANG_EN, "không có trong danh mục"), "không có trong danh mục");
	/* a lookup keeps errno: the caller may print its reason next */
	errno = ENOSPC;
	(void)bc_tr(BC_LANG_EN, "không ghi được");
	assert_int_equal(errno, ENOSPC);
}

/* the reasons: Vietnamese by default, glibc's own English words in English */
static void test_strerror(void **state)
{
	(void)state;
	static const int errs[] = { ENOENT, EACCES, EPERM, ENOSPC, EDQUOT, EFBIG, EISDIR, ENOTDIR, ELOOP, ENAMETOOLONG,
		                    EROFS, EEXIST, EIO, EPIPE, EBADF, ENOMEM, EMFILE, ENXIO, ENODEV, ETXTBSY, EXDEV,
		                    EINVAL, EINTR, EAGAIN };
	bc_i18n_use(BC_LANG_VI);
	assert_string_equal(bc_strerror(ENOENT), "không có tệp hoặc thư mục này");
	for (size_t i = 0; i < sizeof errs / sizeof *errs; i++)
		assert_string_not_equal(bc_strerror(errs[i]), strerror(errs[i]));
	bc_i18n_use(BC_LANG_EN);
	for (size_t i = 0; i < sizeof errs / sizeof *errs; i++)
		assert_string_equal(bc_strerror(errs[i]), strerror(errs[i]));
	/* one this program never meets: glibc's words in either language */
	bc_i18n_use(BC_LANG_VI);
	assert_string_equal(bc_strerror(ECHILD), strerror(ECHILD));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_from_env),
		cmocka_unit_test(test_english_from_catalogue),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
