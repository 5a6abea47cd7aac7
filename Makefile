# baocao — build, test and install.  The usual variables are honoured:
#   make CC=clang CFLAGS="-g -fsanitize=address,undefined" LDFLAGS=-fsanitize=address,undefined
#   make install PREFIX=/usr/local DESTDIR=/tmp/stage

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/baocao
LIBDIR   ?= $(PREFIX)/lib/baocao
MANDIR   ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS      = libxml-2.0 libpcre2-8 libutf8proc fontconfig

BUILD    ?= build

# Flags every build needs, kept apart from the user's CFLAGS.
BC_CPPFLAGS = -DBAOCAO_VERSION='"$(VERSION)"' -DBAOCAO_DATADIR='"$(DATADIR)"' -DBAOCAO_LIBDIR='"$(LIBDIR)"' \
              -DBAOCAO_LOCALEDIR='"$(LOCALEDIR)"' \
              $(shell $(PKG_CONFIG) --cflags $(PKGS))
BC_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wno-unused-parameter -MMD -MP
BC_LIBS     = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lhpdf -lm

LIB_SRCS  = $(sort $(wildcard compiler/*/*.c))
LIB_OBJS  = $(LIB_SRCS:%.c=$(BUILD)/%.o)
MAIN_OBJ  = $(BUILD)/compiler/main.o
LIB       = $(BUILD)/libbaocao.a
PROG      = $(BUILD)/baocao

# The program holds the front end and the checker; the output stages and the
# libraries only they need (libxml2 with ICU, libharu, fontconfig) are a plugin
# it loads for xml and pdf, so `baocao check` starts without them (about 1 ms of
# dynamic linking, more than the check of a 70 KB report).  The plugin takes the
# program's own functions (-rdynamic); tests and tools link everything statically.
# The plugin's outputs are the folders named by outputs.def's BC_OUTPUT_PLUGIN lines (compiler/NAME/),
# with the layout the PDF is made from: a new output is its folder's file plus its line there.
PLUGIN_OUTPUTS := $(shell sed -n '/BC_OUTPUT_PLUGIN/s/^BC_OUTPUT.\([a-z0-9_]*\),.*/\1/p' compiler/render/outputs.def)
RENDER_SRCS = $(filter $(PLUGIN_OUTPUTS:%=compiler/%/%) compiler/layout/% compiler/render/plugin.c,$(LIB_SRCS))
RENDER_OBJS = $(RENDER_SRCS:%.c=$(BUILD)/pic/%.o)
CORE_OBJS   = $(filter-out $(RENDER_SRCS:%.c=$(BUILD)/%.o),$(LIB_OBJS))
RENDER      = $(BUILD)/baocao-render.so
CORE_LIBS   = $(shell $(PKG_CONFIG) --libs libpcre2-8 libutf8proc) -lm
RENDER_LIBS = $(shell $(PKG_CONFIG) --libs libxml-2.0 libutf8proc fontconfig) -lhpdf -lm

UNIT_SRCS = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRCS = $(sort $(wildcard tests/tools/*.c))
TOOL_BINS = $(TOOL_SRCS:tests/tools/%.c=$(BUILD)/tools/%)

# Messages (po/README.md).  Vietnamese is the source language: every message is written in
# Vietnamese in the code, which is the program's default and needs no catalogue (it works from
# the build tree and wherever the catalogues are missing); each other language is po/LL.po,
# compiled by msgfmt into $(BUILD)/locale/LL/LC_MESSAGES/baocao.mo, which the program finds beside
# itself, and installed to $(LOCALEDIR).  For English the diagnostics' texts come from the
# English column of compiler/diag/diag_codes.def (po/diag2po.c), their one place.
LINGUAS  := $(shell sed 's/#.*//' po/LINGUAS)
MO_FILES  = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/baocao.mo)
MSGFMT   ?= msgfmt
XGETTEXT ?= xgettext
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --keyword --keyword=_ --keyword=N_ --keyword=bc_tr:2 \
                 --keyword=bc_ntr:2,3 \
                 --keyword=F:6 --keyword=O:6 --add-comments=TRANSLATORS: --package-name=baocao --package-version=$(VERSION) \
                 --msgid-bugs-address= --sort-by-file

.PHONY: all test check check-all unit tools install uninstall clean valgrind sanitize bench fuzz fuzz-smoke fuzz-build po po-check

all: $(PROG) $(MO_FILES)

$(BUILD)/po/diag2po: po/diag2po.c compiler/diag/diag_codes.def
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ po/diag2po.c

$(BUILD)/po/diag-en.po: $(BUILD)/po/diag2po
	$(BUILD)/po/diag2po en > $@

$(BUILD)/po/diag.pot: $(BUILD)/po/diag2po
	$(BUILD)/po/diag2po pot > $@

# English: po/en.po (the program's messages) and the diagnostics' column; another language: its .po alone.
$(BUILD)/locale/en/LC_MESSAGES/baocao.mo: po/en.po $(BUILD)/po/diag-en.po
	@mkdir -p $(dir $@)
	msgcat --use-first -o $(BUILD)/po/en-all.po po/en.po $(BUILD)/po/diag-en.po
	$(MSGFMT) --check -o $@ $(BUILD)/po/en-all.po

$(BUILD)/locale/%/LC_MESSAGES/baocao.mo: po/%.po
	@mkdir -p $(dir $@)
	$(MSGFMT) --check -o $@ $<

# Every message the sources mark has its English translation in po/en.po (tests/cli.sh runs it):
# msgcmp fails on a message missing, untranslated or fuzzy.
po-check:
	@mkdir -p $(BUILD)/po
	$(XGETTEXT) $(XGETTEXT_FLAGS) -o $(BUILD)/po/check.pot $(LIB_SRCS) compiler/main.c
	msgcmp po/en.po $(BUILD)/po/check.pot

# For translators: po/baocao.pot, every message (the program's, extracted by xgettext, and the
# diagnostics'), and each po/LL.po merged with it (msgmerge).  po/en.po is merged with the
# program's messages alone: its diagnostics are diag_codes.def's.
po: $(BUILD)/po/diag.pot
	$(XGETTEXT) $(XGETTEXT_FLAGS) -o $(BUILD)/po/program.pot $(LIB_SRCS) compiler/main.c
	msgcat --sort-by-file -o po/baocao.pot $(BUILD)/po/program.pot $(BUILD)/po/diag.pot
	msgmerge --quiet --update --backup=none --no-fuzzy-matching po/en.po $(BUILD)/po/program.pot
	for l in $(filter-out en,$(LINGUAS)); do msgmerge --quiet --update --backup=none po/$$l.po po/baocao.pot; done

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BC_CPPFLAGS) $(CPPFLAGS) $(BC_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BC_CPPFLAGS) $(CPPFLAGS) $(BC_CFLAGS) $(CFLAGS) -fPIC -c $< -o $@

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

$(RENDER): $(RENDER_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -o $@ $(RENDER_OBJS) $(RENDER_LIBS) $(LIBS)

$(PROG): $(MAIN_OBJ) $(CORE_OBJS) $(RENDER)
	$(CC) $(CFLAGS) $(LDFLAGS) -rdynamic -o $@ $(MAIN_OBJ) $(CORE_OBJS) $(CORE_LIBS) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BC_CPPFLAGS) $(CPPFLAGS) $(BC_CFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) \
	    $(LDFLAGS) -o $@ $< $(LIB) $(BC_LIBS) $(shell $(PKG_CONFIG) --libs cmocka) $(LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BC_CPPFLAGS) $(CPPFLAGS) $(BC_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(BC_LIBS) $(LIBS)

# The schema is embedded in the program; regenerate its C form when it changes.
compiler/xml/schema_data.c: grammar/baocao.rng grammar/embed-schema.sh
	sh grammar/embed-schema.sh grammar/baocao.rng $@

unit: $(UNIT_BINS)
tools: $(TOOL_BINS)

# Benchmark (bench/README.md): timings are printed, never asserted, and not part of `make test`.
.PHONY: bench-peers
BENCH_BINS = $(BUILD)/bench/runs $(BUILD)/bench/floor $(BUILD)/bench/parse_only

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BC_CPPFLAGS) $(CPPFLAGS) $(BC_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(BC_LIBS) $(LIBS)

bench: $(PROG) $(BENCH_BINS)
	@BUILD=$(BUILD) sh bench/run.sh

bench-peers: $(PROG)
	@BUILD=$(BUILD) sh bench/peers.sh

# The real documents of ../shared/corpus against tests/corpus/*.expect, one row per document
# (bench/README.md, "Corpus report").
.PHONY: corpus-report
corpus-report: $(PROG)
	@BUILD=$(BUILD) sh bench/corpus-report.sh

# The corpus's Word files through every converter at hand (docx2txt, pandoc, LibreOffice + pdftotext),
# against tests/converted/*.expect; the converters are not CI's packages, so not part of `make test`.
.PHONY: converters-report
converters-report: $(PROG) $(TOOL_BINS)
	@BUILD=$(BUILD) sh bench/converters.sh

# The samples and seeds through the compiler's own PDF and every PDF text extractor at hand (pdftotext
# default, -layout, -raw, mutool, pdfminer), against the clean text's facts; not part of `make test`.
.PHONY: roundtrip-report
roundtrip-report: $(PROG) $(TOOL_BINS)
	@BUILD=$(BUILD) sh bench/roundtrip.sh

# The samples typed as Word files (bench/wordtrip.py, python3-docx) through docx2txt and pandoc, and as
# LibreOffice's PDFs of them through every PDF text extractor at hand, against the clean text's facts;
# the converters are not CI's packages, so not part of `make test`.
.PHONY: wordtrip-report
wordtrip-report: $(PROG) $(TOOL_BINS)
	@BUILD=$(BUILD) sh bench/wordtrip.sh

# Every suite; prints one closing line "N passed, N failed".
test check: $(PROG) $(MO_FILES) $(UNIT_BINS) $(TOOL_BINS)
	@BUILD=$(BUILD) sh tests/run.sh

# The whole regression suite under valgrind's memcheck: any error fails.
# Every test: the suite, then under ASan+UBSan, under memcheck, and every fuzzing mode briefly.
check-all: test
	$(MAKE) sanitize
	$(MAKE) valgrind
	$(MAKE) fuzz-smoke

valgrind: $(PROG) $(MO_FILES) $(UNIT_BINS) $(TOOL_BINS)
	@BUILD=$(BUILD) BAOCAO_NO_JIT=1 BAOCAO_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" sh tests/run.sh

# A separate build tree with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) BUILD=build-san CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test

# libFuzzer: one target, a mode per stage (fuzz/fuzz_baocao.c), each mode run for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS   = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZER        = build-fuzz/fuzz_baocao

fuzz-build:
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" build-fuzz/libbaocao.a
	clang $(BC_CPPFLAGS) $(BC_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $(FUZZER) fuzz/fuzz_baocao.c \
	    build-fuzz/libbaocao.a $(BC_LIBS)

fuzz: fuzz-build $(PROG)
	FUZZ_JOBS=$${FUZZ_JOBS:-2} sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZER)

# CI: every mode briefly (16 modes, 2 at a time, about 10 s in all).
fuzz-smoke: fuzz-build $(PROG)
	FUZZ_JOBS=2 sh fuzz/run.sh 1 $(FUZZER)

install: $(PROG) $(MO_FILES)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/grammar $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/en/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/baocao
	install -d $(DESTDIR)$(LIBDIR)
	install -m 755 $(RENDER) $(DESTDIR)$(LIBDIR)/
	install -m 644 grammar/baocao.rng $(DESTDIR)$(DATADIR)/grammar/
	if ls templates/*.xml >/dev/null 2>&1; then install -m 644 templates/*.xml $(DESTDIR)$(DATADIR)/templates/; fi
	install -m 644 man/baocao.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/en/baocao.1 $(DESTDIR)$(MANDIR)/en/man1/
	for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/baocao.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/baocao $(DESTDIR)$(MANDIR)/man1/baocao.1 $(DESTDIR)$(MANDIR)/en/man1/baocao.1
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/baocao.mo; done
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

clean:
	rm -rf $(BUILD) build-san build-fuzz

-include $(LIB_OBJS:.o=.d) $(RENDER_OBJS:.o=.d) $(MAIN_OBJ:.o=.d)
