/* main.c — the baocao command: read, decode, parse, then xml, check or pdf; atomic outputs, documented exit statuses. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/check.h"
#include "diag/diag.h"
#include "init/skeleton.h"
#include "input/decode.h"
#include "lex/patterns.h"
#include "parse/parse.h"
#include "restore/restore.h"
#include "render/render.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* Exit statuses, as the man page documents them. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* getopt codes of the long options without a short form */
enum { OPT_VERBOSE = 0x100, OPT_LIST, OPT_PROFILE };

typedef struct options {
	const char *command;
	const char *input;
	const char *output;
	const char *encoding;
	const char *template_path;
	const char *format;     /* check: text, json, sarif */
	const char *shape;      /* --shape: the restore stage's shape, or NULL to detect it */
	const char *profile;    /* --profile state|party: whose rules, or NULL to read it off the text */
	int validate;
	int werror;
	int verbose;            /* check: every finding, not five of a code and a count */
	int quiet;              /* for scripts: no count line after check's text, no summary after xml and pdf */
	int list;               /* init --list */
	bc_lang lang;
} options;

static const char *progname = "baocao";

#ifndef BAOCAO_LIBDIR
#define BAOCAO_LIBDIR "/usr/local/lib/baocao"
#endif

/* The outputs that need libxml2, libharu or fontconfig come from a plugin (see
 * the Makefile), so that check and tree start without those libraries.  Its
 * table is checked before use: a plugin of another build is refused with a
 * message instead of being called with the wrong types. */
static const bc_output_table *load_plugin(void)
{
	char path[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", path, PATH_MAX);
	char *slash = n > 0 ? (path[n] = '\0', strrchr(path, '/')) : NULL;
	if (slash)
		strcpy(slash + 1, "baocao-render.so");
	if (!slash || access(path, F_OK) != 0)
		snprintf(path, sizeof path, "%s/baocao-render.so", BAOCAO_LIBDIR);
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, _("%s: không nạp được các bước xuất kết quả: %s\n"), progname, dlerror());
		return NULL;
	}
	const bc_output_table *t = dlsym(h, BC_PLUGIN_SYMBOL);
	if (!t || t->abi != BC_RENDER_ABI || t->struct_size != sizeof(bc_renderer) || !t->version ||
	    strcmp(t->version, BAOCAO_VERSION) != 0) {
		fprintf(stderr, _("%s: %s: không phải các bước xuất kết quả của baocao %s (giao diện %u)\n"), progname, path,
		        BAOCAO_VERSION, (unsigned)BC_RENDER_ABI);
		return NULL;
	}
	return t;
}

/* The output a command names: the program's own, else the plugin's. */
static const bc_renderer *find_output(const char *command, int *usage_error)
{
	const bc_renderer *r = bc_output_lookup(&bc_builtin_outputs, command);
	if (!r) {
		*usage_error = 1;   /* no line of outputs.def names it */
		return NULL;
	}
	if (r->render)
		return r;
	const bc_output_table *t = load_plugin();
	r = t ? bc_output_find(t, command) : NULL;
	if (t && !r)
		fprintf(stderr, _("%s: các bước xuất kết quả thiếu '%s'\n"), progname, command);
	return r;
}

/* The help, in paragraphs: each is one message of the catalogue, as translators expect. */
static void usage(FILE *out)
{
	fputs(_("Cách dùng:\n"
	        "  baocao xml VÀO [-o RA] [--validate] [--encoding BẢNG_MÃ]\n"
	        "  baocao check VÀO [--format text|json|sarif] [--lang vi|en] [--Werror] [--verbose]\n"
	        "  baocao pdf VÀO [-o RA] [--template TỆP] [--profile state|party]\n"
	        "  baocao tree VÀO [-o RA]\n"
	        "  baocao init LOẠI [-o RA] | init --list\n"
	        "  baocao --help | --version\n"),
	      out);
	fputs("\n", out);
	fputs(_("VÀO có thể là '-': đầu vào chuẩn; RA có thể là '-': đầu ra chuẩn.\n"
	        "Không có -o, RA là VÀO với phần mở rộng đổi thành .xml hoặc .pdf;\n"
	        "tree ghi ra đầu ra chuẩn.\n"
	        "init viết một văn bản mới thuộc LOẠI (bao-cao, cong-van, ke-hoach, ...) ở dạng\n"
	        "tường minh, biên dịch được ngay, vào RA (không bao giờ ghi đè tệp đã có) hoặc đầu ra chuẩn.\n"),
	      out);
	fputs("\n", out);
	fputs(_("Tùy chọn:\n"
	        "  -o, --output TỆP         nơi ghi kết quả\n"
	        "  -e, --encoding BẢNG_MÃ   utf-8, utf-16, cp1258, tcvn (mặc định: tự nhận ra)\n"
	        "  -s, --shape DẠNG         chương trình đã làm ra văn bản: typed, pdf, markdown, word\n"
	        "                           (mặc định: tự nhận ra; typed không khôi phục gì)\n"
	        "      --validate           kiểm tra XML theo lược đồ trước khi ghi\n"
	        "  -t, --template TỆP       bố cục trang của PDF (mặc định: theo loại văn bản)\n"
	        "      --profile P          state (Nghị định 30) hoặc party (hướng dẫn của Đảng): thể thức\n"
	        "                           PDF và check theo (mặc định: đọc từ văn bản)\n"
	        "  -f, --format KIỂU        kết quả kiểm tra dạng text, json hoặc sarif (check)\n"
	        "  -l, --lang NGÔN_NGỮ      thông báo bằng tiếng Việt (vi, mặc định) hoặc tiếng Anh (en)\n"
	        "  -W, --Werror             cảnh báo cũng tính là lỗi cho mã thoát (check)\n"
	        "      --verbose            mọi phát hiện; không có nó, mỗi mã chỉ hiện 5 lần và đếm\n"
	        "                           số còn lại (check)\n"
	        "  -q, --quiet              không in dòng đếm sau các phát hiện của check, không in dòng\n"
	        "                           tóm tắt sau xml hoặc pdf\n"
	        "      --list               các loại văn bản init biết, kèm tên tiếng Việt\n"
	        "  -h, --help               trợ giúp này\n"
	        "  -V, --version            phiên bản\n"),
	      out);
	fputs("\n", out);
	fputs(_("Tệp .docx, .doc, .odt, .rtf hoặc .pdf bị từ chối, kèm lệnh lấy ra văn bản của nó.\n"
	        "Mã thoát: 0 thành công, 1 đầu vào có lỗi, 2 sai cách dùng hoặc lỗi đọc, ghi tệp.\n"),
	      out);
}

/* "baocao: PATH: WHAT: reason", WHAT and the reason in the language of messages. */
static void io_error(const char *what, const char *path)
{
	int err = errno;
	fprintf(stderr, "%s: %s: %s: %s\n", progname, path, _(what), bc_strerror(err));
}

/* Reads all of a file (or stdin) into memory; refuses directories. */
static int read_input(const char *path, unsigned char **data, size_t *len)
{
	FILE *f = stdin;
	size_t cap = 1 << 16, n = 0;
	if (strcmp(path, "-") != 0) {
		struct stat st;
		if (stat(path, &st) != 0) {
			io_error(N_("không mở được"), path);
			return -1;
		}
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, _("%s: %s: là một thư mục\n"), progname, path);
			return -1;
		}
		/* a file's size known: one buffer, no growing copies (one byte more, to see its end) */
		if (S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size < BC_MAX_INPUT_BYTES &&
		    (size_t)st.st_size >= cap)
			cap = (size_t)st.st_size + 1;
		f = fopen(path, "rb");
		if (!f) {
			io_error(N_("không mở được"), path);
			return -1;
		}
	}
	unsigned char *buf = bc_xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap > BC_MAX_INPUT_BYTES) {
				/* the decoder reports the limit with its position */
				break;
			}
			cap *= 2;
			buf = bc_xrealloc(buf, cap);
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				io_error(N_("không đọc được"), path);
				if (f != stdin)
					fclose(f);
				free(buf);
				return -1;
			}
			break;
		}
	}
	if (f != stdin)
		fclose(f);
	*data = buf;
	*len = n;
	return 0;
}

/* OUT beside IN: "bao-cao.txt" -> "bao-cao.xml". */
static char *default_output(const char *input, const char *ext)
{
	if (strcmp(input, "-") == 0)
		return bc_xstrdup("-");
	const char *slash = strrchr(input, '/');
	const char *dot = strrchr(input, '.');
	size_t stem = (dot && (!slash || dot > slash + 1)) ? (size_t)(dot - input) : strlen(input);
	char *out = bc_xmalloc(stem + strlen(ext) + 1);
	memcpy(out, input, stem);
	strcpy(out + stem, ext);
	return out;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
		return 0;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * The temporary file being written, removed by the signal handler if the run
 * is interrupted (kill -INT, -TERM, -HUP, a closed pipe): an interrupted run
 * leaves the previous output as it was and no temporary file behind.
 */
static char cleanup_path[PATH_MAX + 32];
static volatile sig_atomic_t cleanup_armed;

static void on_fatal_signal(int sig)
{
	if (cleanup_armed)
		unlink(cleanup_path);   /* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);                 /* die of the signal, as the caller expects */
}

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

/* exit() from deep inside (out of memory in bc_xmalloc) removes the temporary file too */
static void cleanup_at_exit(void)
{
	if (cleanup_armed)
		unlink(cleanup_path);
}

static void install_signal_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
		struct sigaction old;
		/* a signal the parent ignores (nohup, a shell's background job) stays ignored */
		if (sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal_signals[i], &sa, NULL);
	}
	atexit(cleanup_at_exit);
	/* over a file-size limit (ulimit -f), write() fails with EFBIG and is reported, instead of a silent kill */
	signal(SIGXFSZ, SIG_IGN);
}

/* Blocks the fatal signals while the temporary file's name and the armed flag change together. */
static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* mkstemp and arm the cleanup in one step that no signal can cut. */
static int mkstemp_armed(char *tmpl)
{
	sigset_t old;
	block_signals(&old);
	int fd = mkstemp(tmpl);
	if (fd >= 0 && strlen(tmpl) < sizeof cleanup_path) {
		memcpy(cleanup_path, tmpl, strlen(tmpl) + 1);
		cleanup_armed = 1;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return fd;
}

/* After the temporary file was renamed or removed: unlink it first if `remove`. */
static void temp_done(const char *tmp, int remove)
{
	sigset_t old;
	block_signals(&old);
	if (remove)
		unlink(tmp);
	cleanup_armed = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* An existing output that is not a regular file (/dev/null, /dev/full, a FIFO) is written in
 * place: renaming a temporary file over it would replace the device or pipe with a file. */
static int is_special_output(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* A temporary file beside `path`, so that rename() replaces it atomically. */
static char *temp_beside(const char *path, int *fd)
{
	size_t n = strlen(path);
	char *tmp = bc_xmalloc(n + 16);
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	*fd = mkstemp_armed(tmp);
	if (*fd >= 0) {
		/* mkstemp makes 0600; the result gets what the umask allows, as a plain creat() would */
		mode_t um = umask(0);
		umask(um);
		fchmod(*fd, 0666 & ~um);
	}
	if (*fd < 0) {
		io_error(N_("không tạo được tệp tạm để ghi"), path);
		free(tmp);
		return NULL;
	}
	return tmp;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Set once a failed write on standard output was reported, so that finish_stdout does not say it twice. */
static int stdout_failed;

static int write_stdout(const char *s, size_t n)
{
	if (fwrite(s, 1, n, stdout) != n || fflush(stdout) != 0) {
		io_error(N_("không ghi được"), _("đầu ra chuẩn"));
		stdout_failed = 1;
		return -1;
	}
	return 0;
}

/* Does `path` name the file our standard output already is (-o /dev/stdout, /proc/self/fd/1)?
 * Then it is written as "-": opening it again would truncate a file opened for appending, and
 * renaming over it would replace the link (as root, /dev/stdout itself). */
static int is_our_stdout(const char *path)
{
	struct stat sp, so;
	int fl = fcntl(STDOUT_FILENO, F_GETFL);
	if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY)   /* closed (guard_std_streams' stand-in): not an output */
		return 0;
	return stat(path, &sp) == 0 && fstat(STDOUT_FILENO, &so) == 0 && sp.st_dev == so.st_dev &&
	       sp.st_ino == so.st_ino && sp.st_rdev == so.st_rdev;
}

/*
 * Where the bytes for `path` go.  A symbolic link is written through, never
 * replaced: a link to a regular file becomes that file (returned in *resolved,
 * to be replaced atomically beside it), a link to a device or FIFO is opened
 * in place; a link to nothing is refused (creating a file where it points
 * would follow it into any directory).  Returns 0, or -1 after a message.
 */
static int resolve_output(const char *path, char **resolved)
{
	struct stat st;
	*resolved = NULL;
	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return 0;
	if (stat(path, &st) != 0) {
		io_error(N_("là liên kết tượng trưng trỏ vào chỗ không có gì; không ghi được"), path);
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		return 0;   /* a device or FIFO: written in place through the link */
	char *real = realpath(path, NULL);
	if (!real) {
		io_error(N_("không lần theo được liên kết tượng trưng"), path);
		return -1;
	}
	*resolved = real;
	return 0;
}

/* Writes bytes to `path` through a temporary file, or to stdout for "-". */
static int commit_bytes(const char *path, const char *s, size_t n)
{
	if (strcmp(path, "-") == 0 || is_our_stdout(path))
		return write_stdout(s, n);
	char *resolved;
	if (resolve_output(path, &resolved) != 0)
		return -1;
	if (resolved) {
		int rc = commit_bytes(resolved, s, n);
		free(resolved);
		return rc;
	}
	if (is_special_output(path)) {
		int fd = open(path, O_WRONLY | O_TRUNC);
		if (fd < 0 || write_all(fd, s, n) != 0) {
			io_error(N_("không ghi được"), path);
			if (fd >= 0)
				close(fd);
			return -1;
		}
		if (close(fd) != 0) {
			io_error(N_("không ghi được"), path);
			return -1;
		}
		return 0;
	}
	int fd;
	char *tmp = temp_beside(path, &fd);
	if (!tmp)
		return -1;
	if (write_all(fd, s, n) != 0 || fsync(fd) != 0) {
		io_error(N_("không ghi được"), path);
		close(fd);
		temp_done(tmp, 1);
		free(tmp);
		return -1;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		io_error(N_("không ghi được"), path);
		temp_done(tmp, 1);
		free(tmp);
		return -1;
	}
	temp_done(tmp, 0);
	free(tmp);
	return 0;
}

/* An output streamed to its file as it is made: a temporary file beside the
 * target, renamed over it once the output is whole (or removed). */
typedef struct stream_target {
	int fd;
	char *tmp;     /* the temporary file */
	char *final;   /* what it replaces: the path, or the file a symbolic link names */
} stream_target;

static int fd_spill(void *ctx, const char *s, size_t n) { return write_all(*(const int *)ctx, s, n); }

/* Opens the temporary file for `path` when the output can stream to it (a
 * regular file, new or not, or one a link names): 1.  0 when it is written
 * whole by commit_bytes instead ("-", our standard output, a device or FIFO,
 * which get nothing until the output is complete); -1 after a message. */
static int stream_open(const char *path, stream_target *st)
{
	if (strcmp(path, "-") == 0 || is_our_stdout(path))
		return 0;
	char *resolved;
	if (resolve_output(path, &resolved) != 0)
		return -1;
	const char *real = resolved ? resolved : path;
	if (is_special_output(real) || is_our_stdout(real)) {
		free(resolved);
		return 0;
	}
	char *tmp = temp_beside(real, &st->fd);
	if (!tmp) {
		free(resolved);
		return -1;
	}
	st->tmp = tmp;
	st->final = resolved ? resolved : bc_xstrdup(path);
	return 1;
}

/* The output is whole (ok) or failed: rename the temporary file into place
 * after the rest of `out`, or remove it.  0, or -1 after a message. */
static int stream_close(stream_target *st, bc_buf *out, int ok)
{
	int rc = 0;
	if (ok) {
		if (bc_buf_flush(out) != 0 || fsync(st->fd) != 0) {
			io_error(N_("không ghi được"), st->final);
			ok = 0;
			rc = -1;
		}
	}
	if (close(st->fd) != 0 && ok) {
		io_error(N_("không ghi được"), st->final);
		ok = 0;
		rc = -1;
	}
	if (ok && rename(st->tmp, st->final) != 0) {
		io_error(N_("không ghi được"), st->final);
		ok = 0;
		rc = -1;
	}
	temp_done(st->tmp, !ok);
	free(st->tmp);
	free(st->final);
	return rc;
}

/* Every output: streamed to a temporary file renamed into place, or, for standard output and
 * devices, made in memory and written whole: the one atomic path either way. */
/* The lines the restore stage dropped or changed, as the input's lines (an
 * editor's: a form feed ends none), for the outputs that list them. */
static void restore_records_remap(bc_restore *rs, const bc_source *src)
{
	for (size_t i = 0; i < rs->nrec; i++)
		rs->rec[i].line = bc_source_line(src, rs->rec[i].line);
}

static int cmd_render(const options *o, const bc_renderer *r, bc_document *doc, bc_diags *diags)
{
	char *path = o->output ? bc_xstrdup(o->output) : r->ext ? default_output(o->input, r->ext) : bc_xstrdup("-");
	if (same_file(path, o->input)) {
		fprintf(stderr, _("%s: %s: không ghi đè lên tệp đầu vào\n"), progname, path);
		free(path);
		return EXIT_USAGE;
	}
	bc_render_options ro = { o->template_path, -1, o->validate };
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		/* reproducible builds' convention: seconds since 1970 as decimal digits */
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (*end || errno || v < 0) {
			fprintf(stderr, _("%s: SOURCE_DATE_EPOCH: không phải một số giây: %s\n"), progname, sde);
			free(path);
			return EXIT_USAGE;
		}
		ro.source_date_epoch = v;
	}
	bc_buf out = BC_BUF_INIT;
	/* a file target gets the bytes as they are made (out spills to it past
	 * 64 KB): memory stays that of the model, not the model and its output */
	stream_target st;
	int streamed = stream_open(path, &st);
	if (streamed < 0) {
		free(path);
		return EXIT_USAGE;
	}
	if (streamed) {
		out.spill = fd_spill;
		out.spill_ctx = &st.fd;
	}
	/* the output's own findings apart: its warnings (pdf-blank-part) are
	 * printed with the output written, being no finding of check's */
	bc_diags own;
	bc_diags_init(&own);
	int r_rc = r->render(doc, &ro, &out, &own);
	int rc = EXIT_OK;
	if (r_rc != 0) {
		rc = r_rc == 1 ? EXIT_INPUT : EXIT_USAGE;
		if (own.count[BC_LEVEL_ERROR] + own.count[BC_LEVEL_FATAL] == 0)
			fprintf(stderr, _("%s: %s: không viết được kết quả %s\n"), progname, o->input, r->name);
		for (size_t i = 0; i < own.n; i++) {
			if (own.v[i].arg)
				bc_diag_add(diags, own.v[i].code, own.v[i].pos, "%s", own.v[i].arg);
			else
				bc_diag_add(diags, own.v[i].code, own.v[i].pos, NULL);
		}
		if (streamed)
			stream_close(&st, &out, 0);
	} else if (streamed ? stream_close(&st, &out, 1) != 0 : commit_bytes(path, out.s ? out.s : "", out.len) != 0) {
		rc = EXIT_USAGE;
	} else if (own.n) {
		bc_diags_sort(&own);
		bc_diags_print(stderr, &own, strcmp(o->input, "-") == 0 ? "<stdin>" : o->input, BC_LEVEL_WARNING, o->lang, 0);
	}
	bc_diags_free(&own);
	free(path);
	bc_buf_free(&out);
	return rc;
}

static int cmd_check(const options *o, bc_document *doc, bc_diags *diags)
{
	if (doc)
		bc_check(doc, diags);
	bc_diags_sort(diags);
	const char *name = strcmp(o->input, "-") == 0 ? "<stdin>" : o->input;
	if (!o->format || strcmp(o->format, "text") == 0) {
		bc_diags_print(stdout, diags, name, BC_LEVEL_NOTE, o->lang, o->verbose ? 0 : BC_DIAG_PER_CODE);
		if (!o->quiet)
			bc_diags_print_summary(stdout, diags, o->lang);
	} else if (strcmp(o->format, "json") == 0)
		bc_diags_print_json(stdout, diags, name, o->lang);
	else
		bc_diags_print_sarif(stdout, diags, name, o->lang);
	int worst = bc_diags_worst(diags);
	if (worst >= BC_LEVEL_ERROR || (o->werror && worst >= BC_LEVEL_WARNING))
		return EXIT_INPUT;
	return EXIT_OK;
}

/* After xml or pdf wrote their output: the findings of level warning or
 * above that check would print (the reading's, diags, and the checker's,
 * found), counted on one line of standard error, so that a clerk who only
 * makes the PDF still learns that `check` has something to say.  Only the
 * count: the findings themselves are check's to print.  The exit status stays
 * that of the output. */
static void findings_summary(const bc_diags *diags, const bc_diags *found, const char *name, bc_lang lang)
{
	size_t errors = diags->count[BC_LEVEL_ERROR] + diags->count[BC_LEVEL_FATAL] + found->count[BC_LEVEL_ERROR] +
	                found->count[BC_LEVEL_FATAL];
	size_t warnings = diags->count[BC_LEVEL_WARNING] + found->count[BC_LEVEL_WARNING];
	if (!errors && !warnings)
		return;
	fprintf(stderr, "%s: ", name);
	if (errors) {
		fprintf(stderr, bc_ntr(lang, "%zu lỗi", "%zu lỗi", errors), errors);
		fputs(", ", stderr);
	}
	fprintf(stderr,
	        bc_ntr(lang, "%zu cảnh báo — chạy baocao check để xem\n", "%zu cảnh báo — chạy baocao check để xem\n",
	               warnings),
	        warnings);
}

/* The types init knows, one a line: the name to type, then the kind's Vietnamese name. */
static void list_skeletons(FILE *out)
{
	size_t n;
	const bc_skeleton *k = bc_skeletons(&n);
	int w = 0;   /* the names in one column, as wide as the longest ("chuong-trinh-dang") */
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(k[i].type) > w)
			w = (int)strlen(k[i].type);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  %-*s %s\n", w, k[i].type, k[i].name);
}

/* init TYPE [-o OUT]: a new document in the explicit form, or the list of types.  An existing
 * OUT is refused, never replaced: the skeleton would overwrite a clerk's work. */
static int cmd_init(const options *o, int nargs, char **args)
{
	if (o->list) {
		if (nargs != 0) {
			fprintf(stderr, _("%s: init --list không nhận loại văn bản nào\n"), progname);
			return EXIT_USAGE;
		}
		list_skeletons(stdout);
		return EXIT_OK;
	}
	if (nargs != 1) {
		fprintf(stderr, _("%s: init cần một loại văn bản:\n"), progname);
		list_skeletons(stderr);
		return EXIT_USAGE;
	}
	const bc_skeleton *k = bc_skeleton_find(args[0]);
	if (!k) {
		fprintf(stderr, _("%s: không có loại văn bản '%s'; các loại là:\n"), progname, args[0]);
		list_skeletons(stderr);
		return EXIT_USAGE;
	}
	const char *path = o->output ? o->output : "-";
	struct stat st;
	if (strcmp(path, "-") != 0 && !is_our_stdout(path) && lstat(path, &st) == 0) {
		fprintf(stderr, _("%s: %s: đã có; init không bao giờ ghi đè một tệp (hãy chọn tên khác)\n"), progname, path);
		return EXIT_USAGE;
	}
	install_signal_handlers();
	return commit_bytes(path, k->text, strlen(k->text)) == 0 ? EXIT_OK : EXIT_USAGE;
}

/* One option; returns an exit status when the option ends the run (help,
 * version, a bad option), or -1 to go on. */
static int take_option(int c, options *o)
{
	switch (c) {
	case 'o': o->output = optarg; break;
	case 'e': o->encoding = optarg; break;
	case 's': o->shape = optarg; break;
	case 'v': o->validate = 1; break;
	case 't': o->template_path = optarg; break;
	case 'f': o->format = optarg; break;
	case 'l': o->lang = bc_lang_from_name(optarg); break;
	case 'W': o->werror = 1; break;
	case OPT_VERBOSE: o->verbose = 1; break;
	case 'q': o->quiet = 1; break;
	case OPT_LIST: o->list = 1; break;
	case OPT_PROFILE: o->profile = optarg; break;
	case 'h': usage(stdout); return EXIT_OK;
	case 'V': printf("baocao %s\n", BAOCAO_VERSION); return EXIT_OK;
	default: usage(stderr); return EXIT_USAGE;
	}
	return -1;
}

/* An option getopt refused, said with the program's prefix and in the language of messages
 * (opterr is off: getopt's own messages carry argv[0] and are English): '?' an unknown or
 * ambiguous option, ':' one whose value is missing. */
static int bad_option(int c, char **argv, const struct option *longopts)
{
	const char *arg = argv[optind - 1], *text = arg;
	char shortopt[3] = { '-', (char)optopt, '\0' };
	int is_long = strncmp(arg, "--", 2) == 0 && (optopt == 0 || optopt > 0xff);
	for (size_t i = 0; !is_long && strncmp(arg, "--", 2) == 0 && longopts[i].name; i++)
		is_long = longopts[i].val == optopt &&
		          strncmp(longopts[i].name, arg + 2, strcspn(arg + 2, "=")) == 0;
	if (!is_long)
		text = shortopt;
	if (c == ':')
		fprintf(stderr, _("%s: tùy chọn '%s' cần một giá trị\n"), progname, text);
	else
		fprintf(stderr, _("%s: không hiểu tùy chọn '%s'\n"), progname, text);
	usage(stderr);
	return EXIT_USAGE;
}

/* The language of messages, chosen before any is printed (an option's error included): the last
 * --lang of the command line, read by getopt exactly as the real pass reads it but on a copy
 * (getopt reorders what it reads), else the locale's. */
static bc_lang lang_of_args(int argc, char **argv, const char *optstring, const struct option *longopts)
{
	bc_lang lang = bc_lang_from_env();
	char **copy = bc_xmalloc(((size_t)argc + 1) * sizeof *copy);
	memcpy(copy, argv, ((size_t)argc + 1) * sizeof *copy);
	int c;
	optind = 0;
	while ((c = getopt_long(argc, copy, optstring, longopts, NULL)) != -1)
		if (c == 'l')
			lang = bc_lang_from_name(optarg);
	free(copy);
	optind = 0;   /* the real pass starts afresh */
	return lang;
}

/* A standard stream the caller closed (baocao check >&-) gets /dev/null, opened the wrong way
 * round, so that the files the run opens never take its number (the temporary output as fd 2
 * would receive the messages) and a write to it still fails as it would have (EBADF). */
static void guard_std_streams(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int g = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
		if (g >= 0 && g != fd) {
			dup2(g, fd);
			close(g);
		}
	}
}

/* Every command ends here: what is still buffered for standard output is written, and a write
 * that failed (/dev/full, a closed stdout, EPIPE with SIGPIPE ignored) is exit status 2 with a
 * message, whatever the command (check, tree, xml -o -, --help, --version). */
static int finish_stdout(int rc)
{
	errno = 0;
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		err = errno;
	}
	if (!bad)
		return rc;
	/* the failing write may lie behind later calls that reset errno: then no reason is given */
	if (!stdout_failed && err) {
		errno = err;
		io_error(N_("không ghi được"), _("đầu ra chuẩn"));
	} else if (!stdout_failed) {
		fprintf(stderr, _("%s: đầu ra chuẩn: không ghi được\n"), progname);
	}
	return EXIT_USAGE;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	guard_std_streams();
	return finish_stdout(run(argc, argv));
}

static int run(int argc, char **argv)
{
	options o;
	memset(&o, 0, sizeof o);
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "shape", required_argument, NULL, 's' },
		{ "validate", no_argument, NULL, 'v' },
		{ "template", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "Werror", no_argument, NULL, 'W' },
		{ "verbose", no_argument, NULL, OPT_VERBOSE },
		{ "quiet", no_argument, NULL, 'q' },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc_opt;
	opterr = 0;   /* bad_option says it */
	o.lang = lang_of_args(argc, argv, ":o:e:s:t:f:l:WqhV", longopts);
	bc_i18n_use(o.lang);
	/* options before the command ("+": stop at the command) */
	while ((c = getopt_long(argc, argv, "+:o:e:s:t:f:l:WqhV", longopts, NULL)) != -1)
		if ((rc_opt = c == '?' || c == ':' ? bad_option(c, argv, longopts) : take_option(c, &o)) >= 0)
			return rc_opt;
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	o.command = argv[optind++];
	/* options may also follow the command and the input */
	optind--;
	argv[optind] = argv[0];
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	optind = 0;  /* 0 makes glibc start afresh */
	while ((c = getopt_long(sub_argc, sub_argv, ":o:e:s:t:f:l:WqhV", longopts, NULL)) != -1)
		if ((rc_opt = c == '?' || c == ':' ? bad_option(c, sub_argv, longopts) : take_option(c, &o)) >= 0)
			return rc_opt;
	if (strcmp(o.command, "init") == 0)
		return cmd_init(&o, sub_argc - optind, sub_argv + optind);
	int is_check = strcmp(o.command, "check") == 0, unknown = 0;
	const bc_renderer *renderer = NULL;
	if (!is_check && !(renderer = find_output(o.command, &unknown)) && !unknown)
		return EXIT_USAGE;   /* the plugin could not be loaded: said why */
	if (unknown) {
		fprintf(stderr, _("%s: không có lệnh '%s'\n"), progname, o.command);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (optind != sub_argc - 1) {
		fprintf(stderr, _("%s: %s cần đúng một tệp đầu vào\n"), progname, o.command);
		usage(stderr);
		return EXIT_USAGE;
	}
	o.input = sub_argv[optind];
	bc_shape shape = o.shape ? bc_shape_from_name(o.shape) : BC_SHAPE_AUTO;
	if (shape == BC_SHAPE_COUNT) {
		fprintf(stderr, _("%s: không có dạng '%s' (typed, pdf, markdown, word hoặc auto)\n"), progname, o.shape);
		return EXIT_USAGE;
	}
	if (o.profile && strcmp(o.profile, "state") && strcmp(o.profile, "party")) {
		fprintf(stderr, _("%s: không có thể thức '%s' (state hoặc party)\n"), progname, o.profile);
		return EXIT_USAGE;
	}
	if (o.format && strcmp(o.format, "text") && strcmp(o.format, "json") && strcmp(o.format, "sarif")) {
		fprintf(stderr, _("%s: không có kiểu kết quả '%s'\n"), progname, o.format);
		return EXIT_USAGE;
	}

	install_signal_handlers();
	unsigned char *bytes;
	size_t n;
	if (read_input(o.input, &bytes, &n) != 0)
		return EXIT_USAGE;
	bc_patterns_init();
	bc_diags diags;
	bc_diags_init(&diags);
	bc_source src;
	memset(&src, 0, sizeof src);
	const char *name = strcmp(o.input, "-") == 0 ? "<stdin>" : o.input;
	int rc;
	if (bc_decode_named(bytes, n, o.encoding, o.input, &src, &diags) != 0) {
		free(bytes);
		if (is_check) {
			rc = cmd_check(&o, NULL, &diags);
		} else {
			bc_diags_sort(&diags);
			bc_diags_print(stderr, &diags, name, BC_LEVEL_ERROR, o.lang, 0);
			/* an unknown encoding name is a usage error, a bad input an input error */
			rc = diags.n && diags.v[0].code == BC_E_UNKNOWN_ENC ? EXIT_USAGE : EXIT_INPUT;
		}
		bc_diags_free(&diags);
		bc_patterns_free();
		return rc;
	}
	free(bytes);
	/* the decoder's own messages are at the input's columns; later ones at the
	 * decoded text's until bc_source_remap puts back the format characters it removed */
	size_t decoded_from = diags.n;
	/* what converters broke, undone before the lines are read; positions are
	 * the restored text's until bc_restore_remap moves them back */
	bc_restore rs;
	bc_restore_run(src.text, src.len, src.page_starts, src.npage_starts, shape, &rs, &diags);
	size_t remap_from = diags.n;
	bc_document *doc = bc_parse_restored(name, rs.text ? rs.text : src.text, rs.text ? rs.len : src.len, &rs, &diags);
	snprintf(doc->source_encoding, sizeof doc->source_encoding, "%s", src.encoding);
	if (o.profile)
		bc_document_set_profile(doc, strcmp(o.profile, "party") == 0 ? 2 : 1);

	if (is_check) {
		/* the checker reads the restored text at the parser's positions: remapped after it */
		bc_check(doc, &diags);
		bc_restore_remap(&rs, doc, &diags, remap_from);
		bc_source_remap(&src, doc, &diags, decoded_from);
		restore_records_remap(&rs, &src);
		rc = cmd_check(&o, NULL, &diags);
	} else {
		/* check's findings too, for the line that counts them once the output
		 * is written (findings_summary): found where check finds them, on the
		 * restored text before the remap, and kept apart, so that they never
		 * crowd an error of the output out of the list's limit */
		bc_diags found;
		bc_diags_init(&found);
		int refused = bc_diags_worst(&diags) >= BC_LEVEL_ERROR;   /* nothing is written: nothing to sum up */
		if (!refused)
			bc_check(doc, &found);
		bc_restore_remap(&rs, doc, &diags, remap_from);
		bc_source_remap(&src, doc, &diags, decoded_from);
		restore_records_remap(&rs, &src);
		if (refused) {
			bc_diags_sort(&diags);
			bc_diags_print(stderr, &diags, name, BC_LEVEL_ERROR, o.lang, 0);
			rc = EXIT_INPUT;
		} else {
			rc = cmd_render(&o, renderer, doc, &diags);
			if (rc != EXIT_OK) {
				bc_diags_sort(&diags);
				bc_diags_print(stderr, &diags, name, BC_LEVEL_ERROR, o.lang, 0);
			} else {
				if (!o.quiet)
					findings_summary(&diags, &found, name, o.lang);
			}
		}
		bc_diags_free(&found);
	}
	bc_document_free(doc);
	bc_restore_free(&rs);
	bc_source_free(&src);
	bc_diags_free(&diags);
	bc_patterns_free();
	return rc;
}
