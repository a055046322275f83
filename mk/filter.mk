# filter stage: lexicon tables generated from data/lexicon/*.txt
GEN_HEADERS += $(GEN)/filter_lexicon.h

$(GEN)/filter_lexicon.h: data/lexicon/gen_lexicon.py $(wildcard data/lexicon/*.txt) data/opencc/STPhrases.txt data/opencc/STCharacters.txt data/opencc/TWPhrases.txt data/opencc/TWVariants.txt
	@mkdir -p $(@D)
	$(PYTHON) data/lexicon/gen_lexicon.py data/lexicon data/opencc $@

GEN_HEADERS += $(GEN)/filter_sale.h

$(GEN)/filter_sale.h: data/lexicon/gen_lexicon.py data/lexicon/sale.txt data/opencc/STPhrases.txt data/opencc/STCharacters.txt
	@mkdir -p $(@D)
	$(PYTHON) data/lexicon/gen_lexicon.py --sale data/lexicon/sale.txt data/opencc $@

GEN_HEADERS += $(GEN)/filter_words.h

$(GEN)/filter_words.h: data/lexicon/gen_lexicon.py data/lexicon/words.txt data/opencc/STPhrases.txt data/opencc/STCharacters.txt
	@mkdir -p $(@D)
	$(PYTHON) data/lexicon/gen_lexicon.py --words data/lexicon/words.txt data/opencc $@
