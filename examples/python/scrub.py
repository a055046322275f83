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
    build_lib = os.path.join(here, os.pardir, os.pardir, "build", "lib")
    for path in sorted(glob.glob(os.path.join(build_lib, "libscrub.so.0.*")), reverse=True):
        if path.count(".") == 3:  # libscrub.so.0.<minor>, the soname link
            yield path
    found = ctypes.util.find_library("scrub")
    if found:
        yield found
    search = [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    search += ["/usr/local/lib", "/usr/lib", "/usr/lib64", "/usr/lib/x86_64-linux-gnu",
               "/usr/local/lib64"]
    for libdir in search:
        for path in sorted(glob.glob(os.path.join(libdir, "libscrub.so.0.*")), reverse=True):
            if path.count(".") == 3:
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

# ---- html declarations ----

# ---- mojibake declarations ----

# ---- zh declarations ----

# ---- filter declarations ----

# ---- clean declarations ----

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


class Ctx:
    """A libscrub context: settings, the details of each stage's last call
    and reusable scratch memory.  Use from one thread at a time.

        with scrub.Ctx() as ctx:
            ctx.set(scrub.PARAM_MAX_INPUT, 1 << 20)
    """

    def __init__(self):
        self._ctx = _lib.scrub_ctx_new()
        if not self._ctx:
            raise MemoryError("scrub_ctx_new failed")

    def close(self):
        """Releases the context; later calls raise ValueError."""
        if self._ctx:
            _lib.scrub_ctx_free(self._ctx)
            self._ctx = None

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
        if not self._ctx:
            raise ValueError("context is closed")
        return self._ctx

    def _check(self, status):
        if status != OK:
            raise ScrubError(status, _lib.scrub_ctx_errmsg(self._ctx).decode("utf-8", "replace"))
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

    # ---- html ----

    # ---- mojibake ----

    # ---- zh ----

    # ---- filter ----

    # ---- clean ----


# ---- module-level shortcuts: one context per thread ------------------------
_local = threading.local()


def _thread_ctx():
    ctx = getattr(_local, "ctx", None)
    if ctx is None:
        ctx = _local.ctx = Ctx()
    return ctx

# ---- decode shortcuts ----

# ---- html shortcuts ----

# ---- mojibake shortcuts ----

# ---- zh shortcuts ----

# ---- filter shortcuts ----

# ---- clean shortcuts ----
