# zh stage: C tables compiled from OpenCC's dictionaries (data/opencc).
ZH_DATA := $(sort $(wildcard data/opencc/*.txt))
GEN_HEADERS += $(GEN)/zh_tables.h

$(GEN)/zh_tables.h: mk/zh_gen.py $(ZH_DATA)
	@mkdir -p $(@D)
	$(PYTHON) mk/zh_gen.py data/opencc $@
