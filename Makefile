# SPDX-License-Identifier: GPL-2.0-only
# The front door. `make test` and `make demo` set up a fresh Debian machine
# (tools/deps.sh), build, and run. `make bench` runs the benchmarks.

JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
RELEASE := build/release
ASAN := build/asan
FUZZ := build/fuzz
# `make fuzz`: seconds per target. `make test` fuzzes each for FUZZ_TEST_SECONDS.
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 20
export CCACHE_DIR ?= $(CURDIR)/build/ccache
# Paths relative to the checkout, so that checkouts in other folders share the cache.
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= true

.PHONY: all deps build build-asan build-fuzz test test-release test-asan test-fuzz fuzz demo bench \
	clean format kernel-check pictures

all: build

deps:
	@tools/deps.sh

$(RELEASE)/build.ninja: | deps
	cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

$(ASAN)/build.ninja: | deps
	cmake -S . -B $(ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLIFELINE_SANITIZE=ON \
	  -DLIFELINE_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" $(CMAKE_FLAGS)

build: deps $(RELEASE)/build.ninja
	cmake --build $(RELEASE) -j $(JOBS)

build-asan: deps $(ASAN)/build.ninja
	cmake --build $(ASAN) -j $(JOBS)

test-release: build
	ctest --test-dir $(RELEASE) --output-on-failure -j $(JOBS)

test-asan: build-asan
	ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN) --output-on-failure -j $(JOBS)

# The fuzz targets (fuzz/): clang, libFuzzer, ASan+UBSan, their own build.
$(FUZZ)/build.ninja: | deps
	cmake -S fuzz -B $(FUZZ) -G Ninja -DCMAKE_CXX_COMPILER=clang++ $(CMAKE_FLAGS)

build-fuzz: deps $(FUZZ)/build.ninja
	cmake --build $(FUZZ) -j $(JOBS)

# Replays fuzz/regressions/, then fuzzes each target for a short time.
test-fuzz: build-fuzz
	tools/fuzz.sh $(FUZZ_TEST_SECONDS)

fuzz: build-fuzz
	tools/fuzz.sh $(FUZZ_SECONDS)

# The suite, twice: a normal build and an ASan+UBSan build; then the fuzz
# targets for a short, bounded time each.
test: test-release test-asan test-fuzz

demo: build
	$(RELEASE)/lifeline demo

# The pictures in docs/ (docs/cli.md shows them), made by this lifeline.
pictures: build
	tools/pictures.sh $(CURDIR)/$(RELEASE)/lifeline docs

# The bundled scenarios on Linux 6.12 in QEMU and on the model, compared
# (docs/kernel-check.md). Fetches about 100 MB of Debian packages once.
kernel-check: build
	@sh tools/kernel-check/suite.sh $(RELEASE)/lifeline

bench: build
	@for b in $(RELEASE)/*_bench; do echo "== $$b"; $$b --benchmark_min_time=0.2; done

format:
	clang-format -i $$(git ls-files 'src/*.h' 'src/*.cc' 'bench/*.cc' 'fuzz/*.cc')

clean:
	rm -rf build
