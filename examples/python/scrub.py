"""ctypes binding for libscrub: clean text from scraped web pages.

The shared library is found, in order, through
  1. the SCRUB_LIBRARY environment variable (a path to the .so),
  2. the repository's build/lib/ relative to this file (a source checkout),
  3. the installed libscrub.so.0.<minor> (the dynamic linker's search path,
     then the usual library directories).

Every owned buffer the library returns is copied into Python and released
with scrub_free(); errors raise ScrubError carrying the library's message.

Threads: ctypes releases the GIL during calls, so calls on different Ctx
objects run in parallel.  A Ctx must be used by one thread at a time; the
module-level shortcuts keep one context per thread.
"""

import ctypes
import ctypes.util
import glob
import os
import threading

__all__ = ["ScrubError", "Ctx", "version", "version_number", "build_info", "strerror"]

_c_char_p_raw = ctypes.POINTER(ctypes.c_char)


def _candidates():
    env = os.environ.get("SCRUB_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    build_lib = os.path.normpath(os.path.join(here, os.pardir, os.pardir, "build", "lib"))
    for path in sorted(glob.glob(os.path.join(build_lib, "libscrub.so.0.*")), reverse=True):
        if os.path.basename(path).count(".") == 3:  # libscrub.so.0.<minor>, the soname
            yield path
    found = ctypes.util.find_library("scrub")
    if found:
        yield found
    search = [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    search += ["/usr/local/lib", "/usr/lib", "/usr/lib64", "/usr/lib/x86_64-linux-gnu",
               "/usr/local/lib64"]
    for libdir in search:
        for path in sorted(glob.glob(os.path.join(libdir, "libscrub.so.0.*")), reverse=True):
            if os.path.basename(path).count(".") == 3:
                yield path


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            errors.append("%s: %s" % (path, exc))
    raise ImportError("libscrub shared library not found (set SCRUB_LIBRARY): "
                      + "; ".join(errors or ["no candidates"]))


_lib = _load()


def _declare(name, restype, *argtypes):
    fn = getattr(_lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


# Functions whose char * result is static or borrowed (never freed), so a
# c_char_p restype is safe; owned buffers always come back through
# POINTER(c_char) out-parameters.
_STATIC_STRING_FUNCS = {"scrub_version_string", "scrub_build_info", "scrub_strerror",
                        "scrub_ctx_errmsg"}

# ---- core -------------------------------------------------------------------
_declare("scrub_version_number", ctypes.c_int)
_declare("scrub_version_string", ctypes.c_char_p)
_declare("scrub_build_info", ctypes.c_char_p)
_declare("scrub_strerror", ctypes.c_char_p, ctypes.c_int)
_declare("scrub_free", None, ctypes.c_void_p)
_declare("scrub_ctx_new", ctypes.c_void_p)
_declare("scrub_ctx_free", None, ctypes.c_void_p)
_declare("scrub_ctx_set", ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int64)
_declare("scrub_ctx_get", ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
         ctypes.POINTER(ctypes.c_int64))
_declare("scrub_ctx_reset", None, ctypes.c_void_p)
_declare("scrub_ctx_errmsg", ctypes.c_char_p, ctypes.c_void_p)
_declare("scrub_ctx_replacements", ctypes.c_size_t, ctypes.c_void_p)

# ---- decode declarations ----
_STATIC_STRING_FUNCS |= {"scrub_charset_name", "scrub_decode_charset", "scrub_decode_declared"}
_declare("scrub_detect_charset", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_int))
_declare("scrub_decode", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.c_char_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char)),
         ctypes.POINTER(ctypes.c_size_t))
_declare("scrub_decode_charset", ctypes.c_char_p, ctypes.c_void_p)
_declare("scrub_decode_source", ctypes.c_int, ctypes.c_void_p)
_declare("scrub_decode_overridden", ctypes.c_int, ctypes.c_void_p)
_declare("scrub_decode_declared", ctypes.c_char_p, ctypes.c_void_p)
_declare("scrub_decode_replaced_bytes", ctypes.c_size_t, ctypes.c_void_p)
_declare("scrub_charset_name", ctypes.c_char_p, ctypes.c_char_p)

PARAM_DECODE_PREFIX = 100
CHARSET_NONE, CHARSET_BOM, CHARSET_DECLARED, CHARSET_META, CHARSET_DETECTED = range(5)

# ---- html declarations ----
_declare("scrub_html_to_text", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.c_char_p, ctypes.c_uint, ctypes.POINTER(_c_char_p_raw),
         ctypes.POINTER(ctypes.c_size_t))
for _name in ("scrub_html_title", "scrub_html_lang", "scrub_html_description",
              "scrub_html_published", "scrub_html_canonical"):
    _declare(_name, ctypes.c_char_p, ctypes.c_void_p)
    _STATIC_STRING_FUNCS.add(_name)  # borrowed from the context, never freed
_declare("scrub_html_line_count", ctypes.c_size_t, ctypes.c_void_p)
_declare("scrub_html_line_hints", ctypes.POINTER(ctypes.c_uint32), ctypes.c_void_p,
         ctypes.POINTER(ctypes.c_size_t))
_declare("scrub_html_parse_errors", ctypes.c_size_t, ctypes.c_void_p)

HTML_UTF8 = 1 << 0

HINT_IN_NAV = 1 << 0
HINT_IN_HEADER = 1 << 1
HINT_IN_FOOTER = 1 << 2
HINT_IN_ASIDE = 1 << 3
HINT_CLASS_NAV = 1 << 4
HINT_CLASS_FOOTER = 1 << 5
HINT_CLASS_SHARE = 1 << 6
HINT_CLASS_COMMENT = 1 << 7
HINT_CLASS_RELATED = 1 << 8
HINT_CLASS_SIDEBAR = 1 << 9
HINT_CLASS_AD = 1 << 10
HINT_HEADING = 1 << 11
HINT_LIST_ITEM = 1 << 12
HINT_TABLE = 1 << 13
HINT_PRE = 1 << 14
HINT_CAPTION = 1 << 15
HINT_IN_MAIN = 1 << 16
HINT_TITLE = 1 << 17
HINT_IN_CANDIDATE = 1 << 18
HINT_FLAGS_MASK = 0x00FFFFFF
HINT_LINK_SHARE_SHIFT = 24


def hint_link_share(hint):
    """The share (0..1) of a line's text inside links, from a hint value."""
    return (hint >> HINT_LINK_SHARE_SHIFT) / 255.0

# ---- mojibake declarations ----
_declare("scrub_fix_mojibake", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.c_uint, ctypes.POINTER(_c_char_p_raw), ctypes.POINTER(ctypes.c_size_t))
_declare("scrub_mojibake_score", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.POINTER(ctypes.c_double))
_declare("scrub_mojibake_repair_count", ctypes.c_size_t, ctypes.c_void_p)
_declare("scrub_mojibake_repair", ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t,
         ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(ctypes.c_size_t),
         ctypes.POINTER(ctypes.c_char_p))
_declare("scrub_mojibake_artifacts", ctypes.c_size_t, ctypes.c_void_p, ctypes.c_int)
_declare("scrub_mojibake_saw", ctypes.c_uint, ctypes.c_void_p)

FIX_ENCODING = 1 << 0
FIX_PINYIN = 1 << 1
FIX_INVISIBLE = 1 << 2
FIX_ENTITIES = 1 << 3
FIX_DEFAULT = FIX_ENCODING | FIX_PINYIN | FIX_INVISIBLE
FIX_ALL = FIX_DEFAULT | FIX_ENTITIES
ARTIFACT_PINYIN = 0
ARTIFACT_ENTITY = 1
ARTIFACT_INVISIBLE = 2
ARTIFACT_LOST = 3
MOJIBAKE_SAW_REPAIR = 1 << 0
MOJIBAKE_SAW_LOSSY = 1 << 1
MOJIBAKE_SAW_PINYIN = 1 << 2

# ---- zh declarations ----
_declare("scrub_zh_convert", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.POINTER(_c_char_p_raw),
         ctypes.POINTER(ctypes.c_size_t))
_declare("scrub_zh_detect", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_double))
_declare("scrub_zh_name", ctypes.c_char_p, ctypes.c_int, ctypes.c_int)
_STATIC_STRING_FUNCS.add("scrub_zh_name")

ZH_AUTO, ZH_HANS, ZH_HANT, ZH_TW, ZH_HK = 0, 1, 2, 3, 4
ZH_SCRIPT_NONE, ZH_SCRIPT_HANS, ZH_SCRIPT_HANT, ZH_SCRIPT_MIXED = 0, 1, 2, 3
ZH_PHRASES, ZH_GREEDY, ZH_FOLD_WIDTH, ZH_QUOTES, ZH_RARE_FORMS = 1, 2, 4, 8, 16
_ZH_VARIANTS = {"auto": 0, "hans": 1, "hant": 2, "tw": 3, "hk": 4}


def _zh_variant(v):
    """A variant given as a name ('hans', 'tw', ...) or an int."""
    if isinstance(v, str):
        if v not in _ZH_VARIANTS:
            raise ValueError("unknown zh variant %r" % v)
        return _ZH_VARIANTS[v]
    return int(v)


# ---- filter declarations ----
_STATIC_STRING_FUNCS |= {"scrub_label_name", "scrub_filter_line_reason"}
_c = ctypes
_declare("scrub_label_name", _c.c_char_p, _c.c_int)
_declare("scrub_label_from_name", _c.c_int, _c.c_char_p, _c.c_size_t)
_declare("scrub_label_mask_parse", _c.c_int, _c.c_char_p, _c.c_size_t, _c.POINTER(_c.c_uint))
_declare("scrub_classify_lines", _c.c_int, _c.c_void_p, _c.c_char_p, _c.c_size_t, _c.c_uint)
_declare("scrub_classify_lines_ex", _c.c_int, _c.c_void_p, _c.c_char_p, _c.c_size_t,
         _c.POINTER(_c.c_uint32), _c.c_size_t, _c.c_void_p, _c.c_uint)
_declare("scrub_filter_lines", _c.c_int, _c.c_void_p, _c.c_char_p, _c.c_size_t, _c.c_uint,
         _c.POINTER(_c_char_p_raw), _c.POINTER(_c.c_size_t))
_declare("scrub_filter_lines_ex", _c.c_int, _c.c_void_p, _c.c_char_p, _c.c_size_t,
         _c.POINTER(_c.c_uint32), _c.c_size_t, _c.c_void_p, _c.c_uint, _c.c_uint,
         _c.POINTER(_c_char_p_raw), _c.POINTER(_c.c_size_t))
_declare("scrub_filter_line_count", _c.c_size_t, _c.c_void_p)
_declare("scrub_filter_line_span", _c.c_int, _c.c_void_p, _c.c_size_t, _c.POINTER(_c.c_size_t),
         _c.POINTER(_c.c_size_t))
_declare("scrub_filter_line_label", _c.c_int, _c.c_void_p, _c.c_size_t)
_declare("scrub_filter_line_score", _c.c_double, _c.c_void_p, _c.c_size_t)
_declare("scrub_filter_line_reason", _c.c_char_p, _c.c_void_p, _c.c_size_t)
_declare("scrub_filter_line_kept", _c.c_int, _c.c_void_p, _c.c_size_t)
_declare("scrub_filter_span_count", _c.c_size_t, _c.c_void_p)
_declare("scrub_filter_span", _c.c_int, _c.c_void_p, _c.c_size_t, _c.POINTER(_c.c_size_t),
         _c.POINTER(_c.c_size_t), _c.POINTER(_c.c_size_t))
_declare("scrub_filter_doc_score", _c.c_double, _c.c_void_p)
_declare("scrub_filter_doc_flags", _c.c_uint, _c.c_void_p)
_declare("scrub_filter_add_lexicon", _c.c_int, _c.c_void_p, _c.c_char_p, _c.c_size_t)
_declare("scrub_filter_clear_lexicon", None, _c.c_void_p)
_declare("scrub_filter_set_linestats", _c.c_int, _c.c_void_p, _c.c_void_p)
_declare("scrub_linestats_new", _c.c_void_p, _c.c_size_t)
_declare("scrub_linestats_free", None, _c.c_void_p)
_declare("scrub_linestats_add_page", _c.c_int, _c.c_void_p, _c.c_char_p, _c.c_size_t)
_declare("scrub_linestats_pages", _c.c_uint64, _c.c_void_p)
_declare("scrub_linestats_entries", _c.c_size_t, _c.c_void_p)
_declare("scrub_linestats_count", _c.c_uint32, _c.c_void_p, _c.c_char_p, _c.c_size_t)
_declare("scrub_linestats_save", _c.c_int, _c.c_void_p, _c.c_char_p)
_declare("scrub_linestats_load", _c.c_int, _c.c_char_p, _c.c_size_t, _c.POINTER(_c.c_void_p))

LABELS = ("content", "heading", "caption", "meta", "nav", "related", "widget", "footer",
          "contact", "ad", "spam", "artifact", "blank")
KEEP_DEFAULT = 0x7
KEEP_ALL = (1 << len(LABELS)) - 1
PARAM_FILTER_KEEP = 500
PARAM_FILTER_REPEAT_MIN = 501
FILTER_KEEP_INLINE_SPAM = 1
FILTER_NO_LINESTATS = 2
FILTER_NO_CONTEXT = 4
DOC_SITE_FARM = 1
DOC_SPUN = 2
DOC_INLINE_SPAM = 4
DOC_STUFFING = 8
DOC_BOILERPLATE_HEAVY = 16
DOC_PINYIN = 32


def label_mask(labels):
    """A keep mask from label names (an iterable, or 'a,b,c')."""
    if isinstance(labels, str):
        labels = labels.split(",")
    text = ",".join(labels).encode()
    mask = ctypes.c_uint()
    if _lib.scrub_label_mask_parse(text, len(text), ctypes.byref(mask)) != OK:
        raise ScrubError(E_INVALID_ARG, "unknown label in %r" % (labels,))
    return mask.value


class _Handle:
    """Owns one libscrub object: close() releases it, as do the end of a
    `with` block and garbage collection; `handle` raises once it is closed."""

    _free_name = None  # the scrub_*_free function of the subclass
    _ptr = None

    def close(self):
        """Releases the object; later calls raise ValueError."""
        if self._ptr:
            getattr(_lib, self._free_name)(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    @property
    def handle(self):
        if not self._ptr:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._ptr


class LineStats(_Handle):
    """Cross-page line frequencies (scrub_linestats_*)."""

    _free_name = "scrub_linestats_free"

    def __init__(self, max_entries=0, _handle=None):
        self._ptr = _handle or _lib.scrub_linestats_new(max_entries)
        if not self._ptr:
            raise MemoryError("scrub_linestats_new failed")

    @classmethod
    def load(cls, path, max_entries=0):
        h = ctypes.c_void_p()
        status = _lib.scrub_linestats_load(os.fsencode(path), max_entries, ctypes.byref(h))
        if status != OK:
            raise ScrubError(status, os.fsdecode(path))
        return cls(_handle=h.value)

    def add_page(self, text):
        data = _as_bytes(text)
        status = _lib.scrub_linestats_add_page(self.handle, data, len(data))
        if status != OK:
            raise ScrubError(status)

    def save(self, path):
        status = _lib.scrub_linestats_save(self.handle, os.fsencode(path))
        if status != OK:
            raise ScrubError(status, os.fsdecode(path))

    def count(self, line):
        data = _as_bytes(line)
        return _lib.scrub_linestats_count(self.handle, data, len(data))

    @property
    def pages(self):
        return _lib.scrub_linestats_pages(self.handle)

    @property
    def entries(self):
        return _lib.scrub_linestats_entries(self.handle)

# ---- clean declarations ----
_declare("scrub_clean", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
         ctypes.c_char_p, ctypes.c_uint, ctypes.POINTER(_c_char_p_raw),
         ctypes.POINTER(ctypes.c_size_t))
_declare("scrub_clean_stages", ctypes.c_uint, ctypes.c_void_p)
_declare("scrub_clean_stage_input", _c_char_p_raw, ctypes.c_void_p, ctypes.c_int,
         ctypes.POINTER(ctypes.c_size_t))
_declare("scrub_clean_title", ctypes.c_char_p, ctypes.c_void_p)
_declare("scrub_clean_charset", ctypes.c_char_p, ctypes.c_void_p)
_declare("scrub_clean_script", ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_double))
_declare("scrub_clean_spam_score", ctypes.c_double, ctypes.c_void_p)
_declare("scrub_clean_flags", ctypes.c_uint, ctypes.c_void_p)
_declare("scrub_clean_label_count", ctypes.c_size_t, ctypes.c_void_p, ctypes.c_int)
_declare("scrub_clean_repairs", ctypes.c_size_t, ctypes.c_void_p)
# borrowed from the context or static, never freed
_STATIC_STRING_FUNCS |= {"scrub_clean_title", "scrub_clean_charset", "scrub_clean_script"}

PARAM_CLEAN_TO = 600
CLEAN_KEEP, CLEAN_HANS, CLEAN_HANT, CLEAN_TW, CLEAN_HK = range(5)
CLEAN_TARGETS = {"keep": CLEAN_KEEP, "hans": CLEAN_HANS, "hant": CLEAN_HANT, "tw": CLEAN_TW,
                 "hk": CLEAN_HK}
CLEAN_NO_DECODE = 1 << 0
CLEAN_NO_HTML = 1 << 1
CLEAN_FORCE_HTML = 1 << 2
CLEAN_NO_MOJIBAKE = 1 << 3
CLEAN_NO_ZH = 1 << 4
CLEAN_NO_FILTER = 1 << 5
CLEAN_PHRASES = 1 << 6
CLEAN_SAW_HTML = 1 << 16
CLEAN_SAW_OVERRIDE = 1 << 17
CLEAN_SAW_MOJIBAKE = 1 << 18
CLEAN_SAW_LOSSY = 1 << 19
CLEAN_SAW_REPLACEMENT = 1 << 20
CLEAN_SAW_CONVERTED = 1 << 21
STAGE_DECODE, STAGE_HTML, STAGE_MOJIBAKE, STAGE_ZH, STAGE_FILTER = range(5)
_PARAM_FILTER_KEEP = 500  # the filter stage's keep mask parameter


def _clean_label_names():
    """Label names in enum order, from the filter stage's scrub_label_name."""
    fn = _lib.scrub_label_name
    if fn.restype is not ctypes.c_char_p:
        _declare("scrub_label_name", ctypes.c_char_p, ctypes.c_int)
    names = []
    while True:
        name = fn(len(names))
        if not name:
            return names
        names.append(name.decode())


def _clean_keep_mask(keep):
    """A keep mask from label names (a list or a comma-separated string)."""
    if isinstance(keep, int):
        return keep
    if not isinstance(keep, str):
        keep = ",".join(keep)
    fn = _lib.scrub_label_mask_parse
    if fn.argtypes is None:
        _declare("scrub_label_mask_parse", ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t,
                 ctypes.POINTER(ctypes.c_uint))
    raw = keep.encode()
    mask = ctypes.c_uint()
    status = fn(raw, len(raw), ctypes.byref(mask))
    if status != OK:
        raise ScrubError(status, "unknown label in %r" % keep)
    return mask.value

OK = 0
E_INVALID_ARG = -1
E_NOMEM = -2
E_ENCODING = -3
E_TOO_LARGE = -4
E_INTERNAL = -5
E_IO = -6
E_FORMAT = -7

PARAM_MAX_INPUT = 1
PARAM_MAX_LINE = 2
PARAM_MAX_DEPTH = 3


class ScrubError(Exception):
    """A libscrub call failed.  `status` is the SCRUB_E_* value, `detail`
    the context's message (may be empty)."""

    def __init__(self, status, detail=""):
        self.status = status
        self.detail = detail
        msg = strerror(status)
        super().__init__(msg + (": " + detail if detail else ""))


def version():
    """The library's version string, e.g. '0.1.0'."""
    return _lib.scrub_version_string().decode()


def version_number():
    return _lib.scrub_version_number()


def build_info():
    return _lib.scrub_build_info().decode()


def strerror(status):
    return _lib.scrub_strerror(status).decode()


def _as_bytes(data):
    """str -> UTF-8 bytes; bytes-like -> bytes."""
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    return bytes(data)


def _take(ptr, length):
    """Copies an owned (char *, size_t) result and frees it."""
    try:
        return ctypes.string_at(ptr, length.value) if ptr else b""
    finally:
        _lib.scrub_free(ptr)


class Ctx(_Handle):
    """A libscrub context: settings, the details of each stage's last call
    and reusable scratch memory.  Use from one thread at a time.

        with scrub.Ctx() as ctx:
            ctx.set(scrub.PARAM_MAX_INPUT, 1 << 20)
    """

    _free_name = "scrub_ctx_free"

    def __init__(self):
        self._ptr = _lib.scrub_ctx_new()
        if not self._ptr:
            raise MemoryError("scrub_ctx_new failed")

    def _check(self, status):
        if status != OK:
            raise ScrubError(status, _lib.scrub_ctx_errmsg(self._ptr).decode("utf-8", "replace"))
        return status

    def _call_owned(self, fn, *args):
        """Calls fn(ctx, *args, &out, &out_len) and returns the bytes."""
        out = _c_char_p_raw()
        out_len = ctypes.c_size_t()
        status = fn(self.handle, *args, ctypes.byref(out), ctypes.byref(out_len))
        data = _take(out, out_len)
        self._check(status)
        return data

    def set(self, param, value):
        self._check(_lib.scrub_ctx_set(self.handle, param, value))

    def get(self, param):
        value = ctypes.c_int64()
        self._check(_lib.scrub_ctx_get(self.handle, param, ctypes.byref(value)))
        return value.value

    def reset(self):
        _lib.scrub_ctx_reset(self.handle)

    @property
    def errmsg(self):
        return _lib.scrub_ctx_errmsg(self.handle).decode("utf-8", "replace")

    @property
    def replacements(self):
        """Invalid sequences the last call replaced with U+FFFD."""
        return _lib.scrub_ctx_replacements(self.handle)

    # ---- decode ----
    def detect_charset(self, data):
        """(charset name, confidence 0..100) guessed from the bytes' content."""
        data = _as_bytes(data)
        name = ctypes.c_char_p()
        conf = ctypes.c_int()
        self._check(_lib.scrub_detect_charset(self.handle, data, len(data), ctypes.byref(name),
                                              ctypes.byref(conf)))
        return name.value.decode("ascii"), conf.value

    def decode(self, data, declared=None):
        """Page bytes to text (str): BOM, `declared` (HTTP charset or label),
        <meta>, then detection.  Details: decode_charset, decode_source,
        decode_overridden, decode_declared, decode_replaced_bytes."""
        data = _as_bytes(data)
        label = declared.encode("ascii", "replace") if isinstance(declared, str) else declared
        return self._call_owned(_lib.scrub_decode, data, len(data), label).decode("utf-8")

    @property
    def decode_charset(self):
        """The charset the last decode() used, or None."""
        v = _lib.scrub_decode_charset(self.handle)
        return v.decode("ascii") if v is not None else None

    @property
    def decode_source(self):
        """Where that charset came from: one of the CHARSET_* values."""
        return _lib.scrub_decode_source(self.handle)

    @property
    def decode_overridden(self):
        """True when the last decode() overrode a declaration."""
        return bool(_lib.scrub_decode_overridden(self.handle))

    @property
    def decode_declared(self):
        """The declaration the last decode() considered, or None."""
        v = _lib.scrub_decode_declared(self.handle)
        return v.decode("utf-8", "replace") if v is not None else None

    @property
    def decode_replaced_bytes(self):
        """Input bytes the last decode() replaced with U+FFFD."""
        return _lib.scrub_decode_replaced_bytes(self.handle)

    # ---- html ----

    def html_to_text(self, page, charset=None, flags=0):
        """The visible text of an HTML page (bytes, or str taken as UTF-8)
        as a str of LF-terminated lines.  `charset` is the HTTP charset or a
        label; the page's bytes are decoded with scrub_decode() unless flags
        has HTML_UTF8.  The details are read with html_title(), html_meta(),
        html_line_hints() until the next html_to_text() call."""
        data = _as_bytes(page)
        label = charset.encode("ascii") if charset else None
        return self._call_owned(_lib.scrub_html_to_text, data, len(data), label,
                                flags).decode("utf-8")

    def _borrowed_str(self, fn):
        value = fn(self.handle)
        return value.decode("utf-8") if value is not None else None

    def html_title(self):
        """The page's <title> of the last html_to_text(), or None."""
        return self._borrowed_str(_lib.scrub_html_title)

    def html_meta(self):
        """A dict of the last page's title, lang, description, published
        and canonical (None where the page has none)."""
        return {
            "title": self._borrowed_str(_lib.scrub_html_title),
            "lang": self._borrowed_str(_lib.scrub_html_lang),
            "description": self._borrowed_str(_lib.scrub_html_description),
            "published": self._borrowed_str(_lib.scrub_html_published),
            "canonical": self._borrowed_str(_lib.scrub_html_canonical),
        }

    def html_line_hints(self):
        """A list of the SCRUB_HINT_* values of the last page's lines."""
        count = ctypes.c_size_t()
        hints = _lib.scrub_html_line_hints(self.handle, ctypes.byref(count))
        return [hints[i] for i in range(count.value)] if hints else []

    def html_parse_errors(self):
        """How many messages libxml2 reported about the last page."""
        return _lib.scrub_html_parse_errors(self.handle)

    # ---- mojibake ----
    def fix_mojibake(self, text, flags=None):
        """Repairs mojibake and strips conversion artifacts; returns str
        (one line per input line, each ending with LF).  flags: FIX_* bits,
        FIX_DEFAULT when None."""
        data = _as_bytes(text)
        flags = FIX_DEFAULT if flags is None else flags
        out = self._call_owned(_lib.scrub_fix_mojibake, data, len(data), flags)
        return out.decode("utf-8")

    def mojibake_score(self, text):
        """How likely text holds mojibake, 0..1, without repairing it."""
        data = _as_bytes(text)
        score = ctypes.c_double()
        self._check(_lib.scrub_mojibake_score(self.handle, data, len(data), ctypes.byref(score)))
        return score.value

    def mojibake_repairs(self):
        """The repairs of the last fix_mojibake(): a list of
        (start, end, transform), byte offsets into that call's input."""
        out = []
        start, end = ctypes.c_size_t(), ctypes.c_size_t()
        name = ctypes.c_char_p()
        for i in range(_lib.scrub_mojibake_repair_count(self.handle)):
            self._check(_lib.scrub_mojibake_repair(self.handle, i, ctypes.byref(start),
                                                   ctypes.byref(end), ctypes.byref(name)))
            out.append((start.value, end.value, name.value.decode()))
        return out

    def mojibake_artifacts(self, kind):
        """Count of ARTIFACT_* kind handled by the last fix_mojibake()."""
        return _lib.scrub_mojibake_artifacts(self.handle, kind)

    def mojibake_saw(self):
        """MOJIBAKE_SAW_* bits of the last fix_mojibake()."""
        return _lib.scrub_mojibake_saw(self.handle)

    # ---- zh ----
    def zh_convert(self, text, to, frm="auto", flags=0):
        """Converts Chinese text; `to`/`frm` are names ('hans', 'hant',
        'tw', 'hk'; frm also 'auto') or ZH_* values.  Returns str."""
        data = _as_bytes(text)
        out = self._call_owned(_lib.scrub_zh_convert, data, len(data), _zh_variant(frm),
                               _zh_variant(to), flags)
        return out.decode("utf-8")

    def zh_detect(self, text):
        """(script name, share): ('hans'|'hant'|'mixed'|'none', 0..1)."""
        data = _as_bytes(text)
        script = ctypes.c_int()
        share = ctypes.c_double()
        self._check(_lib.scrub_zh_detect(self.handle, data, len(data), ctypes.byref(script),
                                         ctypes.byref(share)))
        return _lib.scrub_zh_name(script.value, 1).decode(), share.value


    # ---- filter ----
    def _hints(self, hints):
        if not hints:
            return None, 0
        arr = (ctypes.c_uint32 * len(hints))(*hints)
        return arr, len(hints)

    def classify_lines(self, text, flags=0, hints=None, linestats=None):
        """Classifies every line; returns a list of dicts (start, len, label,
        score, reason, kept, text) and sets doc_score/doc_flags/spans."""
        data = _as_bytes(text)
        arr, n = self._hints(hints)
        self._check(_lib.scrub_classify_lines_ex(self.handle, data, len(data), arr, n,
                                                 linestats.handle if linestats else None,
                                                 flags))
        return self._lines(data)

    def _lines(self, data):
        out = []
        start, length = ctypes.c_size_t(), ctypes.c_size_t()
        for i in range(_lib.scrub_filter_line_count(self.handle)):
            _lib.scrub_filter_line_span(self.handle, i, ctypes.byref(start), ctypes.byref(length))
            label = _lib.scrub_filter_line_label(self.handle, i)
            out.append({"start": start.value, "len": length.value, "label": LABELS[label],
                        "score": _lib.scrub_filter_line_score(self.handle, i),
                        "reason": _lib.scrub_filter_line_reason(self.handle, i).decode(),
                        "kept": bool(_lib.scrub_filter_line_kept(self.handle, i)),
                        "text": data[start.value:start.value + length.value]
                        .decode("utf-8", "replace")})
        return out

    def filter_lines(self, text, keep=None, flags=0, hints=None, linestats=None):
        """The kept lines as str.  keep: label names or a mask (None: the
        context's PARAM_FILTER_KEEP)."""
        data = _as_bytes(text)
        if keep is None:
            mask = 0xFFFFFFFF
        elif isinstance(keep, int):
            mask = keep
        else:
            mask = label_mask(keep)
        arr, n = self._hints(hints)
        out = self._call_owned(_lib.scrub_filter_lines_ex, data, len(data), arr, n,
                               linestats.handle if linestats else None, mask, flags)
        return out.decode("utf-8")

    @property
    def spans(self):
        """Inline spam spans of the last call: (line, start, end) byte offsets."""
        res = []
        line, s, e = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_size_t()
        for k in range(_lib.scrub_filter_span_count(self.handle)):
            _lib.scrub_filter_span(self.handle, k, ctypes.byref(line), ctypes.byref(s),
                                   ctypes.byref(e))
            res.append((line.value, s.value, e.value))
        return res

    @property
    def doc_score(self):
        return _lib.scrub_filter_doc_score(self.handle)

    @property
    def doc_flags(self):
        return _lib.scrub_filter_doc_flags(self.handle)

    def add_lexicon(self, entries):
        data = _as_bytes(entries)
        self._check(_lib.scrub_filter_add_lexicon(self.handle, data, len(data)))

    def clear_lexicon(self):
        _lib.scrub_filter_clear_lexicon(self.handle)

    def set_linestats(self, linestats):
        """Attaches a LineStats (keep a reference to it while attached)."""
        self._linestats = linestats
        self._check(_lib.scrub_filter_set_linestats(self.handle,
                                                    linestats.handle if linestats else None))

    # ---- clean ----
    def clean(self, data, to=None, charset=None, keep=None, phrases=False, html=None,
              flags=0):
        """The whole pipeline: page bytes (or text) in, clean text (str) out.

        data:    bytes (a page in any charset, HTML or text) or str (text,
                 or HTML with html=True; never charset-detected).
        to:      "hans", "hant", "tw", "hk" or "keep"; None keeps the
                 context's setting (PARAM_CLEAN_TO, default "keep").
        charset: the HTTP charset or a label the bytes were served with.
        keep:    label names to keep (list or "a,b"), for this context from
                 now on; None leaves the setting.
        phrases: convert regional phrases too.
        html:    True forces HTML, False forbids it, None detects.
        flags:   further CLEAN_* bits.
        Details of the document: clean_details() and the stages' accessors.
        Raises ScrubError."""
        if to is not None:
            if to not in CLEAN_TARGETS:
                raise ValueError("to must be one of %s, not %r" % (", ".join(CLEAN_TARGETS), to))
            self.set(PARAM_CLEAN_TO, CLEAN_TARGETS[to])
        if keep is not None:
            self.set(_PARAM_FILTER_KEEP, _clean_keep_mask(keep))
        if isinstance(data, str):
            flags |= CLEAN_NO_DECODE
        if phrases:
            flags |= CLEAN_PHRASES
        if html is True:
            flags |= CLEAN_FORCE_HTML
        elif html is False:
            flags |= CLEAN_NO_HTML
        raw = _as_bytes(data)
        declared = charset.encode() if charset else None
        out = self._call_owned(_lib.scrub_clean, raw, len(raw), declared, flags)
        return out.decode("utf-8")

    def clean_details(self):
        """The last clean() as a dict: title, charset, script, script_share,
        spam_score, flags, labels (name -> line count), repairs, stages."""
        h = self.handle
        share = ctypes.c_double()
        script = _lib.scrub_clean_script(h, ctypes.byref(share))
        title = _lib.scrub_clean_title(h)
        charset = _lib.scrub_clean_charset(h)
        names = _clean_label_names()
        return {
            "title": title.decode("utf-8", "replace") if title is not None else None,
            "charset": charset.decode() if charset is not None else None,
            "script": script.decode(),
            "script_share": share.value,
            "spam_score": _lib.scrub_clean_spam_score(h),
            "flags": _lib.scrub_clean_flags(h),
            "labels": {name: _lib.scrub_clean_label_count(h, i) for i, name in enumerate(names)},
            "repairs": _lib.scrub_clean_repairs(h),
            "stages": _lib.scrub_clean_stages(h),
        }

    def clean_stage_input(self, stage):
        """The text (bytes) a stage of the last clean() worked on, or None."""
        n = ctypes.c_size_t()
        ptr = _lib.scrub_clean_stage_input(self.handle, stage, ctypes.byref(n))
        return ctypes.string_at(ptr, n.value) if ptr else None


# ---- module-level shortcuts: one context per thread ------------------------
_local = threading.local()


def _thread_ctx():
    ctx = getattr(_local, "ctx", None)
    if ctx is None:
        ctx = _local.ctx = Ctx()
    return ctx

# ---- decode shortcuts ----
def detect_charset(data):
    """(charset name, confidence) of bytes; see Ctx.detect_charset."""
    return _thread_ctx().detect_charset(data)


def decode(data, declared=None):
    """Page bytes to str; see Ctx.decode."""
    return _thread_ctx().decode(data, declared)


def charset_name(label):
    """The charset a label maps to under the WHATWG rules, or None."""
    v = _lib.scrub_charset_name(label.encode("ascii", "replace"))
    return v.decode("ascii") if v is not None else None


# ---- html shortcuts ----


def html_to_text(page, charset=None, flags=0):
    """Ctx.html_to_text() on this thread's context."""
    return _thread_ctx().html_to_text(page, charset, flags)

# ---- mojibake shortcuts ----
def fix_mojibake(text, flags=None):
    """Ctx.fix_mojibake on this thread's context."""
    return _thread_ctx().fix_mojibake(text, flags)


def mojibake_score(text):
    """Ctx.mojibake_score on this thread's context."""
    return _thread_ctx().mojibake_score(text)

# ---- zh shortcuts ----
def zh_convert(text, to, frm="auto", flags=0):
    """Module-level Ctx.zh_convert on this thread's context."""
    return _thread_ctx().zh_convert(text, to, frm, flags)


def zh_detect(text):
    """Module-level Ctx.zh_detect on this thread's context."""
    return _thread_ctx().zh_detect(text)


# ---- filter shortcuts ----
def filter_lines(text, keep=None, flags=0):
    """The kept lines of text (module-level, one context per thread)."""
    return _thread_ctx().filter_lines(text, keep=keep, flags=flags)


def classify_lines(text, flags=0):
    """Per-line labels of text, see Ctx.classify_lines."""
    return _thread_ctx().classify_lines(text, flags=flags)

# ---- clean shortcuts ----
__all__ += ["clean", "clean_details"]


def clean(data, to="keep", charset=None, keep=None, phrases=False, html=None, flags=0):
    """scrub_clean() on this thread's context: bytes or str in, clean str out.
    The same text as `scrub clean` gives for the same bytes and options.
    keep (label names) applies to this call only."""
    ctx = _thread_ctx()
    if keep is None:
        return ctx.clean(data, to=to, charset=charset, keep="default", phrases=phrases,
                         html=html, flags=flags)
    return ctx.clean(data, to=to, charset=charset, keep=keep, phrases=phrases, html=html,
                     flags=flags)


def clean_details():
    """clean_details() of this thread's last clean()."""
    return _thread_ctx().clean_details()
