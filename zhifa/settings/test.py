"""Settings for the test suite: the same as the default, with a fast password hasher."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

# Argon2 is what users get (see base.py and test_accounts); the suite creates
# hundreds of users, so it hashes their passwords with a fast hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEBUG = False
ZHIFA_TESTING = True
# Each test process keys its agencies in a directory of its own (zhifa.org.keys), never var/.
KEY_DIR = Path(tempfile.mkdtemp(prefix="zhifa-test-keys-"))
atexit.register(shutil.rmtree, KEY_DIR, ignore_errors=True)
# Tests read an act's event right after it, inside their rolled-back transaction: events
# are sequenced inline unless a test overrides it (zhifa/core/tests/test_audit_sequencing.py).
AUDIT_SEQUENCING = "inline"
# Documents are issued as HTML unless a test asks for the PDF (the ``rendered`` fixture).
ZHIFA_DOCUMENTS_RENDER = False
DOCUMENT_ROOT = Path(tempfile.mkdtemp(prefix="zhifa-test-documents-"))
atexit.register(shutil.rmtree, DOCUMENT_ROOT, ignore_errors=True)

# A second database, for tests that carry records from one zhifa to another (a signed case
# package exported from one platform and imported into another: zhifa/cooperation/tests).
# Only the tests that ask for it (django_db(databases=[..., "other"])) set it up.
_other = {**DATABASES["default"], "TEST": dict(DATABASES["default"].get("TEST", {}))}  # noqa: F405
if "sqlite" not in _other["ENGINE"]:
    _other["TEST"]["NAME"] = f"test_{_other['NAME']}_other"
else:
    _other["TEST"].pop("NAME", None)  # in memory, one per alias
DATABASES["other"] = _other  # noqa: F405
