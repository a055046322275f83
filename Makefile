# libscrub -- hand-written GNU Makefile.
#
#   make                  library (static and shared) and the scrub tool
#   make check            every test (C suites, C++ header, ABI, fuzz replay,
#                         tool, Python, install, README.md's --explain reasons);
#                         SANITIZE=1 for ASan+UBSan,
#                         SANITIZE=thread for TSan over the C suites
#   make demo             install missing packages (as root), build, clean samples
#   make bench            speed and memory next to the Debian anchors;
#                         BENCH=zh runs bench/bench_zh.c alone
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall
#   make fuzz             libFuzzer binaries (clang)

# ---- version: read from the header, nowhere else --------------------------
hdr_num = $(shell sed -n 's/^\#define SCRUB_VERSION_$(1) \([0-9][0-9]*\).*/\1/p' include/scrub.h)
MAJOR := $(call hdr_num,MAJOR)
MINOR := $(call hdr_num,MINOR)
PATCH := $(call hdr_num,PATCH)
VERSION := $(MAJOR).$(MINOR).$(PATCH)
# Pre-1.0 every minor release may break the ABI, so the soname carries it.
ifeq ($(MAJOR),0)
SONAME := libscrub.so.0.$(MINOR)
else
SONAME := libscrub.so.$(MAJOR)
endif
SHLIB := libscrub.so.$(VERSION)

# ---- tools and flags --------------------------------------------------------
CC ?= cc
CXX ?= c++
PYTHON ?= python3
PKG_CONFIG ?= pkg-config
DEPS := icu-uc icu-i18n libxml-2.0
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
DEPS_LIBS := $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

OPT ?= -O2
CFLAGS ?= $(OPT) -g
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter

BUILD := build
SAN_FLAGS :=
ifeq ($(SANITIZE),1)
BUILD := build/sanitize
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CFLAGS := -O1 -g
else ifeq ($(SANITIZE),thread)
BUILD := build/tsan
SAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
CFLAGS := -O1 -g
endif
GEN := build/gen

ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC -fvisibility=hidden -DSCRUB_BUILDING \
              -Iinclude -Ilib -I$(GEN) $(WARN) $(DEPS_CFLAGS) $(SAN_FLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(SAN_FLAGS) $(LDFLAGS)
LIBS = $(DEPS_LIBS) $(LIB_LIBS) -lpthread -lm

# ---- sources ----------------------------------------------------------------
LIB_SRC := $(sort $(wildcard lib/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
TOOL_SRC := examples/scrub.c $(sort $(wildcard examples/tool/*.c))
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard test/test_*.c))
TEST_BIN := $(TEST_SRC:test/%.c=$(BUILD)/test/%)
FUZZ_SRC := $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_SRC:test/fuzz/%.c=$(BUILD)/fuzz/replay_%)

# Each stage's mk/<stage>.mk may add:
#   GEN_HEADERS               generated headers (under $(GEN)) and their rules
#   LIB_LIBS                  further libraries the library links
#   TOOL_LIBS                 further libraries the scrub tool links
#   TEST_CFLAGS_<test_name>   / TEST_LIBS_<test_name>  for one test binary
GEN_HEADERS :=
LIB_LIBS :=
TOOL_LIBS :=
include $(sort $(wildcard mk/*.mk))

STATIC := $(BUILD)/lib/libscrub.a
SHARED := $(BUILD)/lib/$(SHLIB)
TOOL := $(BUILD)/bin/scrub

.PHONY: all lib tool tests check check-c check-tools check-python check-install check-abi \
        check-cxx check-fuzz check-reasons install uninstall clean demo bench fuzz format
.DEFAULT_GOAL := all

all: lib tool
tests: $(TEST_BIN) $(FUZZ_REPLAY)
lib: $(STATIC) $(SHARED) $(BUILD)/lib/$(SONAME) $(BUILD)/lib/libscrub.so
tool: $(TOOL)

$(BUILD)/obj/%.o: %.c include/scrub.h lib/internal.h $(GEN_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

-include $(LIB_OBJ:.o=.d) $(TOOL_OBJ:.o=.d)
# Test and fuzz binaries are built in one step from sources that include
# the tool's parsers (test_clean_parsers.c, fuzz_jsonl.c): their .d files
# make an edit of an included file rebuild them.
-include $(TEST_BIN:=.d) $(FUZZ_REPLAY:=.d)

$(STATIC): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(SHARED): $(LIB_OBJ) lib/libscrub.map
	@mkdir -p $(@D)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/libscrub.map \
	    -Wl,--no-undefined -Wl,--as-needed $(ALL_LDFLAGS) -o $@ $(LIB_OBJ) $(LIBS)

$(BUILD)/lib/$(SONAME) $(BUILD)/lib/libscrub.so: $(SHARED)
	ln -sf $(SHLIB) $@

$(TOOL): $(TOOL_OBJ) $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(TOOL_OBJ) $(STATIC) $(TOOL_LIBS) $(LIBS)

# ---- tests ------------------------------------------------------------------
# Test binaries link the static library: white-box suites reach hidden
# helpers such as the allocation-failure switch.
TEST_CFLAGS := $(ALL_CFLAGS) $(CHECK_CFLAGS) -DSCRUB_SOURCE_DIR='"$(CURDIR)"' -Wno-shadow

$(BUILD)/test/%: test/%.c test/test_util.h $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $(TEST_CFLAGS_$*) -MMD -MP -o $@ $< $(STATIC) $(ALL_LDFLAGS) $(TEST_LIBS_$*) $(CHECK_LIBS) $(LIBS)

$(BUILD)/fuzz/replay_%: test/fuzz/%.c test/fuzz/replay.c $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< test/fuzz/replay.c $(STATIC) $(ALL_LDFLAGS) $(LIBS)

# Check forks each test by default; under ASan fork mode is fine, under TSan
# it is not useful.
CHECK_ENV := CK_DEFAULT_TIMEOUT=600
ifeq ($(SANITIZE),thread)
CHECK_ENV += CK_FORK=no TSAN_OPTIONS=halt_on_error=1
endif
ifeq ($(SANITIZE),1)
CHECK_ENV += ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
endif

ifeq ($(SANITIZE),thread)
CHECK_GROUPS := check-c
else
CHECK_GROUPS := check-c check-abi check-cxx check-fuzz check-tools check-python check-install \
                check-reasons
endif
# Build in parallel, then run the groups one after another so their reports
# do not interleave.
check: all tests
	@$(MAKE) -j1 --no-print-directory $(CHECK_GROUPS)
	@echo "make check: all test groups passed ($(BUILD))"

check-c: $(TEST_BIN)
	@if [ -z "$(CHECK_LIBS)" ]; then echo "Check is missing: apt-get install check pkg-config" >&2; exit 1; fi
	@fail=0; for t in $(TEST_BIN); do \
	    echo "== $$t"; env $(CHECK_ENV) $$t || fail=1; \
	done; exit $$fail

check-abi: $(SHARED)
	@sh test/abi/check-exports.sh $(SHARED) test/abi/exported-symbols.txt

check-cxx: test/cxx_header.cpp include/scrub.h $(STATIC)
	@mkdir -p $(BUILD)/test
	@for std in c99 c11; do \
	    $(CC) -std=$$std -Wall -Wextra -Werror -pedantic -Iinclude -fsyntax-only -x c test/cxx_header.cpp || exit 1; \
	done
	$(CXX) -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude $(SAN_FLAGS) -o $(BUILD)/test/cxx_header \
	    test/cxx_header.cpp $(STATIC) $(LIBS)
	$(BUILD)/test/cxx_header

check-fuzz: $(FUZZ_REPLAY)
	@for f in $(FUZZ_REPLAY); do \
	    name=$${f##*/replay_fuzz_}; $$f test/fuzz/corpus/$$name || exit 1; \
	done

check-tools: $(TOOL) $(SHARED)
	env SCRUB_TOOL=$(CURDIR)/$(TOOL) $(PYTHON) -m unittest discover -s test/tool -p 'test_*.py' -v

ifeq ($(SANITIZE),1)
ASAN_PRELOAD = LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" ASAN_OPTIONS=detect_leaks=0
endif
# The binding must work with any Python 3: the first on PATH and Debian's.
PYTHONS := $(sort $(shell command -v $(PYTHON)) $(wildcard /usr/bin/python3))
check-python: $(SHARED) $(BUILD)/lib/$(SONAME)
	@for py in $(PYTHONS); do \
	    echo "== Python tests with $$py ($$($$py --version 2>&1))"; \
	    env $(ASAN_PRELOAD) SCRUB_LIBRARY=$(CURDIR)/$(SHARED) $$py -m unittest discover -s test/python -p 'test_*.py' || exit 1; \
	done

check-install: lib tool
	@env SAN_FLAGS="$(SAN_FLAGS)" sh test/install/check-install.sh $(CURDIR) "$(SANITIZE)"

# README.md's table of --explain reasons against the reasons lib/ gives
check-reasons:
	@$(PYTHON) test/reasons_doc.py $(CURDIR)

# ---- install ----------------------------------------------------------------
PREFIX ?= /usr/local
prefix ?= $(PREFIX)
bindir ?= $(prefix)/bin
libdir ?= $(prefix)/lib
includedir ?= $(prefix)/include
mandir ?= $(prefix)/share/man
pkgconfigdir ?= $(libdir)/pkgconfig
INSTALL ?= install

$(BUILD)/scrub.pc: pkgconfig/scrub.pc.in include/scrub.h
	@mkdir -p $(@D)
	sed -e 's|@prefix@|$(prefix)|' -e 's|@libdir@|$(libdir)|' -e 's|@includedir@|$(includedir)|' \
	    -e 's|@VERSION@|$(VERSION)|' $< > $@

# The installed files, one per line; uninstall removes exactly these.
INSTALLED = $(includedir)/scrub.h $(libdir)/libscrub.a $(libdir)/$(SHLIB) $(libdir)/$(SONAME) \
            $(libdir)/libscrub.so $(pkgconfigdir)/scrub.pc $(bindir)/scrub $(wildcard $(MAN_PAGES:%=$(mandir)/man1/%))

install: lib tool $(BUILD)/scrub.pc
	$(INSTALL) -d $(DESTDIR)$(includedir) $(DESTDIR)$(libdir) $(DESTDIR)$(pkgconfigdir) $(DESTDIR)$(bindir)
	$(INSTALL) -m 644 include/scrub.h $(DESTDIR)$(includedir)/scrub.h
	$(INSTALL) -m 644 $(STATIC) $(DESTDIR)$(libdir)/libscrub.a
	$(INSTALL) -m 755 $(SHARED) $(DESTDIR)$(libdir)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(libdir)/$(SONAME)
	ln -sf $(SHLIB) $(DESTDIR)$(libdir)/libscrub.so
	$(INSTALL) -m 644 $(BUILD)/scrub.pc $(DESTDIR)$(pkgconfigdir)/scrub.pc
	$(INSTALL) -m 755 $(TOOL) $(DESTDIR)$(bindir)/scrub
	@for m in $(MAN_PAGES); do \
	    $(INSTALL) -d $(DESTDIR)$(mandir)/man1 && $(INSTALL) -m 644 examples/$$m $(DESTDIR)$(mandir)/man1/$$m || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(includedir)/scrub.h $(DESTDIR)$(libdir)/libscrub.a \
	    $(DESTDIR)$(libdir)/$(SHLIB) $(DESTDIR)$(libdir)/$(SONAME) $(DESTDIR)$(libdir)/libscrub.so \
	    $(DESTDIR)$(pkgconfigdir)/scrub.pc $(DESTDIR)$(bindir)/scrub \
	    $(MAN_PAGES:%=$(DESTDIR)$(mandir)/man1/%)

MAN_PAGES := $(notdir $(wildcard examples/*.1))

# ---- demo, bench, fuzz ------------------------------------------------------
demo:
	@sh examples/demo.sh deps
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh run $(TOOL)

bench: all
	@sh bench/run.sh $(CURDIR) $(BUILD)

FUZZ_CC ?= clang
fuzz: $(FUZZ_SRC)
	@mkdir -p build/fuzz-libfuzzer
	@for f in $(FUZZ_SRC); do \
	    n=$$(basename $$f .c); \
	    $(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_POSIX_C_SOURCE=200809L \
	        -Iinclude -Ilib -I$(GEN) $(DEPS_CFLAGS) -o build/fuzz-libfuzzer/$$n $$f $(LIB_SRC) $(LIBS) || exit 1; \
	    echo "built build/fuzz-libfuzzer/$$n (run: build/fuzz-libfuzzer/$$n test/fuzz/corpus/$${n#fuzz_})"; \
	done

format:
	clang-format -i include/scrub.h lib/*.c lib/*.h examples/*.c examples/tool/*.c test/*.c

clean:
	rm -rf build
