# decode stage: the Han rank table for the charset detector, and letter counts,
# generated from the committed data/decode_han_rank.txt and data/decode_letters.txt (see tools/decode_han.py).
GEN_HEADERS += $(GEN)/decode_han.h
$(GEN)/decode_han.h: data/decode_han_rank.txt data/decode_letters.txt tools/decode_han.py
	@mkdir -p $(@D)
	$(PYTHON) tools/decode_han.py header data/decode_han_rank.txt data/decode_letters.txt $@

# The accuracy test compares with uchardet in the same run when libuchardet-dev
# is installed (an optional package, see examples/deps.sh).
ifneq ($(shell $(PKG_CONFIG) --exists uchardet 2>/dev/null && echo yes),)
TEST_CFLAGS_test_decode := -DSCRUB_HAVE_UCHARDET $(shell $(PKG_CONFIG) --cflags uchardet)
TEST_LIBS_test_decode := $(shell $(PKG_CONFIG) --libs uchardet)
endif
