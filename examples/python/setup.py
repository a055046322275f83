"""Installs the ctypes binding.  The version is read from include/scrub.h when
the package is built from a libscrub checkout, so it lives in one place."""
import os
import re

from setuptools import setup


def header_version():
    here = os.path.dirname(os.path.abspath(__file__))
    header = os.path.join(here, os.pardir, os.pardir, "include", "scrub.h")
    parts = {}
    with open(header, encoding="utf-8") as f:
        for m in re.finditer(r"#define SCRUB_VERSION_(MAJOR|MINOR|PATCH) (\d+)", f.read()):
            parts[m.group(1)] = m.group(2)
    return "%s.%s.%s" % (parts["MAJOR"], parts["MINOR"], parts["PATCH"])


setup(version=header_version())
