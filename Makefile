# The workbook: one C program per example of the post, all on the one
# event loop in common/.  `make help` lists the chapters.

CFLAGS ?= -O2 -g
# The project's own flags come first and stay in effect whatever CFLAGS
# you pass (GNU convention: CFLAGS is yours).
AIO_CFLAGS = -std=c11 -Wall -Wextra -Wpedantic -D_POSIX_C_SOURCE=200809L -Icommon -pthread $(stack_clash) $(AIO_LTO)
# The loop's thread pool (common/executor.c) needs POSIX threads, at link
# time too.
AIO_LDFLAGS = -pthread
# Stack-clash probes: a frame larger than a page touches each page on its
# way down, so it hits the guard below a task's stack instead of skipping
# over it into the next stack (see common/stack.c).  Used where $(CC) has it.
# Asked of $(CC) once, and only by a make that compiles something: the
# tests run make for nearly every command a reader types.
stack_clash = $(eval stack_clash := $(shell $(CC) -fstack-clash-protection -Werror -x c -c /dev/null \
                -o /dev/null 2>/dev/null && echo -fstack-clash-protection))$(stack_clash)
LDLIBS ?= -lm
BUILD ?= build

CHAPTERS := $(notdir $(sort $(wildcard chapters/[0-9][0-9]-*)))
COMMON_OBJ := $(patsubst common/%.c,$(BUILD)/obj/%.o,$(sort $(wildcard common/*.c common/machinery/*.c)))
PROGRAMS := $(addprefix $(BUILD)/,$(CHAPTERS)) $(BUILD)/timeline
# Test programs of the loop itself: scenarios, each with a Python twin
# (scripts/scenarios), and misuse cases (scripts/cases).
CASES := $(patsubst scripts/cases/%.c,$(BUILD)/cases/%,$(sort $(wildcard scripts/cases/*.c))) \
         $(patsubst scripts/scenarios/%.c,$(BUILD)/scenarios/%,$(sort $(wildcard scripts/scenarios/*.c))) \
         $(BUILD)/fuzz-driver
BENCHES := $(patsubst scripts/bench/%.c,$(BUILD)/bench/%,$(sort $(wildcard scripts/bench/*.c)))

.PHONY: all cases benches test check bench fuzz help clean
all: $(PROGRAMS)
cases: $(CASES)
benches: $(BENCHES)

# Inside common/ pointers are plain; the handle checks of
# machinery/handles.h are for the programs outside it.
$(BUILD)/obj/%.o: common/%.c
	@mkdir -p $(@D)
	$(CC) $(AIO_CFLAGS) -DAIO_INTERNAL $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libaio.a: $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The trace-to-chart tool needs only libc.
$(BUILD)/timeline: scripts/timeline.c
	@mkdir -p $(@D)
	$(CC) $(AIO_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) $< $(LDLIBS) -o $@

# Every program is one .c file linked with the loop; its dependency file
# goes to obj/, named after the program ($(BUILD)/bench/timers -> bench-timers.d).
define link_with_aio
@mkdir -p $(@D)
$(CC) $(AIO_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP -MF $(BUILD)/obj/$(subst /,-,$(patsubst $(BUILD)/%,%,$@)).d \
	$(LDFLAGS) $(AIO_LDFLAGS) $< $(BUILD)/libaio.a $(LDLIBS) -o $@
endef

$(BUILD)/%: chapters/%/main.c $(BUILD)/libaio.a
	$(link_with_aio)
$(BUILD)/cases/%: scripts/cases/%.c $(BUILD)/libaio.a
	$(link_with_aio)
$(BUILD)/scenarios/%: scripts/scenarios/%.c scripts/scenarios/scenario.h $(BUILD)/libaio.a
	$(link_with_aio)
$(BUILD)/fuzz-driver: scripts/fuzz/driver.c $(BUILD)/libaio.a
	$(link_with_aio)
$(BUILD)/bench/%: scripts/bench/%.c $(BUILD)/libaio.a
	$(link_with_aio)

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/obj/machinery/*.d)

# `make chapter-6` or `make chapter-06`: build chapter 06 and run it in
# real time.  SPEED=N runs its clock N times faster.
pad = $(if $(filter 0 1 2 3 4 5 6 7 8 9,$(1)),0$(1),$(1))
# Run program $(1) in real time, its clock SPEED times faster if SPEED is set.
run_real = $(if $(SPEED),AIO_SPEED='$(SPEED)' )./$(1)
chapter_of = $(filter $(call pad,$(1))-%,$(CHAPTERS))
no_such_chapter = echo "make: there is no chapter '$(1)'. The chapters are: \
	$(foreach c,$(CHAPTERS),$(firstword $(subst -, ,$(c))))" >&2; \
	echo "Run 'make help' to see what each one shows." >&2; exit 2

.SECONDEXPANSION:
chapter-%: $$(addprefix $(BUILD)/,$$(call chapter_of,$$*))
	@$(if $(call chapter_of,$*),\
	  $(call run_real,$(BUILD)/$(call chapter_of,$*)),\
	  $(call no_such_chapter,$*))

# With no number at all, `make chapter-` would fall to make's built-in
# rules and talk about chapter-.o.
chapter- timeline-:
	@$(call no_such_chapter,)

# `make timeline-6`: chapter 06 under the virtual clock, its trace drawn
# as a chart of loop time.
timeline-%: $$(addprefix $(BUILD)/,$$(call chapter_of,$$*)) $(BUILD)/timeline
	@$(if $(call chapter_of,$*),\
	  AIO_CLOCK=virtual AIO_TRACE=1 ./$(BUILD)/$(call chapter_of,$*) 2>&1 >/dev/null | AIO_TRACE=1 ./$(BUILD)/timeline $(call chapter_of,$*),\
	  $(call no_such_chapter,$*))

# Experiments: chapters/08-cancel/try-catch-cancel.c is experiment
# 08-catch-cancel, built into $(BUILD)/try/ so that the chapter's own
# program stays as it is.  `make try-8` runs chapter 08's first experiment
# (by name order), `make try-8-catch-cancel` that one; in real time, SPEED
# as for chapter-N.  Each has a CPython twin, try-catch-cancel.py.
TRY_SOURCES := $(sort $(wildcard chapters/[0-9][0-9]-*/try-*.c))
try_id = $(firstword $(subst -, ,$(notdir $(patsubst %/,%,$(dir $(1))))))-$(patsubst try-%.c,%,$(notdir $(1)))
TRIES := $(foreach s,$(TRY_SOURCES),$(call try_id,$(s)))
define try_rule
$(BUILD)/try/$(call try_id,$(1)): $(1) $(BUILD)/libaio.a
	$$(link_with_aio)
endef
$(foreach s,$(TRY_SOURCES),$(eval $(call try_rule,$(s))))

# try-8 -> chapter 08's first experiment; try-8-NAME -> 08-NAME.
try_chapter = $(call pad,$(firstword $(subst -, ,$(1))))
try_of = $(strip $(if $(findstring -,$(1)),\
	$(filter $(call try_chapter,$(1))-$(patsubst $(firstword $(subst -, ,$(1)))-%,%,$(1)),$(TRIES)),\
	$(firstword $(filter $(call try_chapter,$(1))-%,$(TRIES)))))
no_such_try = echo "make: there is no experiment '$(1)'. The experiments are: \
	$(foreach t,$(TRIES),try-$(t)) (try-N: chapter N's first)" >&2; exit 2

.PHONY: tries expected-try
tries: $(addprefix $(BUILD)/try/,$(TRIES))

try-%: $$(addprefix $(BUILD)/try/,$$(call try_of,$$*))
	@$(if $(call try_of,$*),\
	  $(call run_real,$(BUILD)/try/$(call try_of,$*)),\
	  $(call no_such_try,$*))

# Regenerate expected/try/ from the experiments' Python twins under
# CPython and the virtual clock: NN-NAME.times, and NN-NAME.err when the
# twin writes to stderr.  scripts/try.bats checks both programs against them.
expected-try:
	@mkdir -p expected/try $(BUILD)/try
	@set -e; for pair in $(foreach s,$(TRY_SOURCES),$(s:.c=.py):$(call try_id,$(s))); do \
	  src="$${pair%%:*}"; id="$${pair#*:}"; \
	  AIO_CLOCK=virtual AIO_STAMP=1 python3 scripts/twin.py "$$src" \
	    >"expected/try/$$id.times" 2>"$(BUILD)/try/$$id.err"; \
	  if [ -s "$(BUILD)/try/$$id.err" ]; then cp "$(BUILD)/try/$$id.err" "expected/try/$$id.err"; \
	  else rm -f "expected/try/$$id.err"; fi; \
	  echo "expected/try/$$id.times"; \
	done

# `make scenario-claim_walkthrough`: build one scenario of scripts/scenarios
# and run it in real time, as chapter-% runs a chapter (SPEED=N likewise).
scenario-%: $$(if $$(wildcard scripts/scenarios/$$*.c),$(BUILD)/scenarios/$$*)
	@$(if $(wildcard scripts/scenarios/$*.c),\
	  $(call run_real,$(BUILD)/scenarios/$*),\
	  echo "make: there is no scenario '$*'. The scenarios are the .c files in scripts/scenarios/." >&2; exit 2)

# The prerequisites first, so that a fresh machine hears what it lacks
# (scripts/prereq.sh) before the compiler or bats is ever called.  With
# GNU parallel (bats --jobs needs it; .ci/run installs it) the test files
# run TEST_JOBS at a time, each file's tests still in order, since they
# share what its setup_file made.  Without it, one file after another.
# The files start longest first, so that no long one is left to run on
# its own at the end; sigint.bats leads, since it spends its time waiting
# for signals and its wait overlaps the others' work.  A file missing
# from this list still runs, last.  Two files are make check's, not make
# test's (scripts/check.sh, "stress"): the checks at scale (stress.bats)
# and the benchmark's tiny run (bench.bats), which together would cost
# make test a fifth of its time.
TEST_FIRST := sigint signals io try threads waiting scenarios trace edges chapters life faults loop fuzz claims clock versions
TEST_CHECK_ONLY := scripts/stress.bats scripts/bench.bats
TEST_FILES := $(addprefix scripts/,$(addsuffix .bats,$(TEST_FIRST))) \
              $(filter-out $(addprefix scripts/,$(addsuffix .bats,$(TEST_FIRST))) $(TEST_CHECK_ONLY),$(sort $(wildcard scripts/*.bats)))
TEST_JOBS ?= 4
test:
	@scripts/prereq.sh
	$(MAKE) all cases benches tries
	MAKE_TEST_BUILT='$(BUILD)' bats $(if $(shell command -v parallel),--jobs $(TEST_JOBS) --no-parallelize-within-files) $(TEST_FILES)

# The hardening matrix: gcc and clang at -O0 and -O2, fortify 2 and 3,
# ASan+UBSan, valgrind and aarch64 under qemu, every chapter and scenario.
check:
	scripts/check.sh

# The differential test with more seeds than `make test` runs.
SEEDS ?= 2000
fuzz: cases
	scripts/fuzz/run.sh 1 $(SEEDS)

# C against CPython (and uvloop where installed), side by side (about two minutes).  Not a test: nothing
# in `make test` depends on these timings.
# The C side is a release build of the same sources, in $(BUILD)/release/:
# the flags above and link-time optimization (-flto, where $(CC) and $(AR)
# can; `make bench LTO=` measures without it).  On every switch the loop,
# the Task, the stack and the objects call into one another's files, and
# only the linker sees them together to inline them.  The tests' build
# stays without it, being six times quicker to make.
LTO ?= $(shell scripts/bench/lto.sh '$(CC)' '$(AR)')
bench: benches $(BUILD)/21-echo-server
	$(MAKE) BUILD='$(BUILD)/release' AIO_LTO='$(LTO)' benches '$(BUILD)/release/21-echo-server'
	BUILD='$(BUILD)' BENCH_BUILD='$(BUILD)/release' BENCH_LTO='$(LTO)' scripts/bench.sh

help:
	@echo "make                 build every chapter into $(BUILD)/"
	@echo "make chapter-N       build chapter N and run it in real time (SPEED=N: N times faster)"
	@echo "make timeline-N      draw chapter N's loop time as a chart, from its AIO_TRACE=1 trace"
	@echo "make try-N           chapter N's first experiment: the chapter with one marked change,"
	@echo "                     built into $(BUILD)/try/ (the chapter stays as it is); SPEED as above."
	@echo "                     Predict first: the answers are under Experiments in its README"
	@echo "make try-N-NAME      that experiment of chapter N by name, e.g. make try-8-catch-cancel"
	@echo "make scenario-NAME   run one scenario of scripts/scenarios/ in real time (SPEED too)"
	@echo "make test            check every chapter against the post (bats)"
	@echo "make check           the same programs under gcc, clang, fortify, ASan, valgrind, aarch64,"
	@echo "                     the twins under each CPython 3.11-3.13 found, and the checks at scale"
	@echo "make bench           time the loop against CPython's asyncio"
	@echo "make fuzz            random scenarios, C against CPython (SEEDS=N, default 2000)"
	@echo "make clean           remove $(BUILD)/"
	@echo
	@echo "Chapters (post section, heading):"
	@for c in $(CHAPTERS); do sed -n '1s/^# */  /p' chapters/$$c/README.md; done

clean:
	rm -rf $(BUILD)
