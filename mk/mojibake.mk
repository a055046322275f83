# mojibake stage: the pinyin readings of Han characters, generated from
# Unihan (Debian package unicode-data) by mk/mojibake_pinyin.py.
UNIHAN_READINGS ?= /usr/share/unicode/Unihan_Readings.txt.bz2
GEN_HEADERS += $(GEN)/mojibake_pinyin.h

$(GEN)/mojibake_pinyin.h: mk/mojibake_pinyin.py
	@mkdir -p $(@D)
	$(PYTHON) mk/mojibake_pinyin.py $(UNIHAN_READINGS) $@

# Han character frequency ranking (committed data, see data/mojibake_hanfreq.txt)
GEN_HEADERS += $(GEN)/mojibake_hanfreq.h

$(GEN)/mojibake_hanfreq.h: mk/mojibake_hanfreq.py data/mojibake_hanfreq.txt
	@mkdir -p $(@D)
	$(PYTHON) mk/mojibake_hanfreq.py header data/mojibake_hanfreq.txt $@

# Character bigram counts for choosing a character of which one byte
# survives (committed data, see data/mojibake_bigrams.txt)
GEN_HEADERS += $(GEN)/mojibake_bigram.h

$(GEN)/mojibake_bigram.h: mk/mojibake_bigram.py data/mojibake_bigrams.txt
	@mkdir -p $(@D)
	$(PYTHON) mk/mojibake_bigram.py header data/mojibake_bigrams.txt $@

# Two-character words (committed data, see data/mojibake_words.txt) and the
# character totals of the bigram table, for the same context model
GEN_HEADERS += $(GEN)/mojibake_words.h

$(GEN)/mojibake_words.h: mk/mojibake_words.py data/mojibake_words.txt data/mojibake_bigrams.txt
	@mkdir -p $(@D)
	$(PYTHON) mk/mojibake_words.py header data/mojibake_words.txt data/mojibake_bigrams.txt $@
