# mojibake stage: the pinyin readings of Han characters, generated from
# Unihan (Debian package unicode-data) by mk/mojibake_pinyin.py.
UNIHAN_READINGS ?= /usr/share/unicode/Unihan_Readings.txt.bz2
GEN_HEADERS += $(GEN)/mojibake_pinyin.h

$(GEN)/mojibake_pinyin.h: mk/mojibake_pinyin.py
	@mkdir -p $(@D)
	$(PYTHON) mk/mojibake_pinyin.py $(UNIHAN_READINGS) $@
