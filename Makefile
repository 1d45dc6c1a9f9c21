# Two commands do everything on a fresh Debian machine:
#   make run    install what is missing, build, start the app
#   make test   install what is missing, build, run the whole test suite
#   make bench  the performance figures, against the same loop in PyTorch
#   make package  a .deb of the app
#   make format   clang-format every C++ file (make format-check: only report)
#   make lint     clang-tidy with the checks in .clang-tidy
#   make faults   the fault-injection suite's long form (20 kills per verb)
#   make models   retrain the model zoo from scratch (hours; docs/model-zoo.md)
BUILD := build
JOBS  ?= $(shell nproc)

.PHONY: all deps configure build run test bench package format format-check lint faults models clean

all: build

deps:
	@bash packaging/install-deps.sh

$(BUILD)/build.ninja:
	cmake --preset default

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/app/aelab

test: build
	cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

# Performance figures and the PyTorch peer (python3-torch is installed for it).
bench: build
	@bash packaging/install-deps.sh --bench
	./$(BUILD)/app/aelab bench --peer --python /usr/bin/python3 --out bench-out

# A Debian package: build/package/aelab_VERSION_ARCH.deb, for
# `sudo apt-get install ./build/package/aelab_*.deb`.
package: build
	cd $(BUILD) && cpack -G DEB -B package

format:
	@bash packaging/install-deps.sh --lint
	bash tools/format.sh

format-check:
	@bash packaging/install-deps.sh --lint
	bash tools/format.sh --check

lint: build
	@bash packaging/install-deps.sh --lint
	bash tools/lint.sh $(BUILD)

# make test runs it with 3 kills per verb (docs/reliability.md).
faults: build
	bash tests/faults/fault_injection.sh ./$(BUILD)/app/aelab 20

# Every recipe of the zoo from scratch, one after another, into
# resources/models (about 2 hours on 2 cores; not part of make test).
models: build
	./$(BUILD)/app/aelab zoo build --models resources/models

clean:
	rm -rf $(BUILD)
