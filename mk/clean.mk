# clean stage: the scrub tool's WARC reader (examples/tool/warc.c, http.c)
# inflates gzip with zlib.
TOOL_LIBS += -lz
# the fuzz targets for the tool's parsers compile those files in
$(BUILD)/fuzz/replay_fuzz_warc $(BUILD)/fuzz/replay_fuzz_http_header: LIB_LIBS += -lz
fuzz: LIB_LIBS += -lz
TEST_LIBS_test_clean := -lz
TEST_LIBS_test_clean_parsers := -lz
